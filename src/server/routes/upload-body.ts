import { DomainError, issue } from '../../core/errors';

/**
 * Runs the reading of a multipart upload, turning a body that cannot be parsed (cut off, no closing
 * boundary, garbage) into a 400 with a field path instead of a 500. Fastify's own upload errors (size
 * limit → 413, wrong content type → 415) and our DomainErrors pass through unchanged.
 */
export async function readingUpload<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (e instanceof DomainError || (typeof code === 'string' && code.startsWith('FST_'))) throw e;
    throw new DomainError('VALIDATION_FAILED', { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' }, {
      issues: [issue('file', 'invalid_multipart', 'Không đọc được tệp gửi lên: nội dung multipart bị cắt cụt hoặc hỏng.', 'The upload cannot be read: the multipart body is cut off or broken.')],
    });
  }
}
