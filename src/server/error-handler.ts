import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type Issue, type Lang, type Localized } from '../core/errors';
import { isDatabaseUnavailable } from './db-unavailable';
import { toIssues } from './validation-messages';

/** Stable error code → HTTP status. Codes not listed are 422 (a domain rule said no). */
const STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  PERIOD_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  UNIT_CODE_TAKEN: 409,
  POSITION_CODE_TAKEN: 409,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  PERSON_HAS_LOGIN: 409,
  RESET_LINK_INVALID: 400,
  IDEMPOTENCY_KEY_REUSED: 409,
  CYCLE_LOCKED: 409,
  PHASE_CLOSED: 409,
  APPRAISAL_OWN_SHEET: 403,
  APPRAISAL_CODE_TAKEN: 409,
  CONFLICT: 409,
  APPRAISAL_AGREEMENT_STATE: 409,
  APPRAISAL_ALREADY_SUBMITTED: 409,
  APPRAISAL_ALREADY_APPROVED: 409,
  APPRAISAL_NOT_REVIEWED: 409,
  APPRAISAL_NO_SECOND_APPROVAL: 409,
  APPRAISAL_OWN_REVIEW: 403,
  APPRAISAL_RULE_DATE_TAKEN: 409,
  APPRAISAL_PHASE_INVALID: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  INVALID_URL: 400,
  FILE_TOO_LARGE: 413,
  TOO_MANY_COLUMNS: 422,
  TOO_MANY_ROWS: 422,
  CELL_TOO_LONG: 422,
  FILE_INVALID: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DB_UNAVAILABLE: 503,
};

export function statusFor(code: string): number {
  return STATUS[code] ?? 422;
}

function body(lang: Lang, code: string, message: Localized, issues: Issue[] = []) {
  return {
    error: {
      code,
      message: message[lang],
      ...(issues.length > 0 && {
        issues: issues.map((i) => ({
          path: i.path,
          code: i.code,
          message: i.message[lang],
          ...(i.row !== undefined && { row: i.row }),
          ...(i.column !== undefined && { column: i.column }),
        })),
      }),
    },
  };
}

/** Non-domain errors that Fastify and its plugins throw, mapped to our codes. */
function classify(error: FastifyError): { code: string; message: Localized } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'INVALID_JSON', message: { vi: 'Nội dung JSON không hợp lệ.', en: 'The request body is not valid JSON.' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE', message: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE', message: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' } };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'URI_TOO_LONG', message: { vi: 'Đường dẫn có tham số quá dài.', en: 'A path parameter is too long.' } };
    case 'FST_ERR_BAD_URL':
      return { code: 'INVALID_URL', message: { vi: 'Đường dẫn không hợp lệ.', en: 'The URL is not valid.' } };
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return { code: 'CSRF_INVALID', message: { vi: 'Phiên làm việc đã hết hạn, hãy tải lại trang.', en: 'Your session token expired; reload the page.' } };
  }
  if (error.statusCode === 429) {
    return { code: 'RATE_LIMITED', message: { vi: 'Bạn thử quá nhiều lần, hãy đợi vài phút.', en: 'Too many attempts; wait a few minutes.' } };
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return { code: 'INVALID_JSON', message: { vi: 'Nội dung JSON không hợp lệ.', en: 'The request body is not valid JSON.' } };
  }
  return null;
}

/**
 * PostgreSQL errors a bad value can still cause if it slips past the request schemas: a last line of
 * defence that answers 400 instead of 500 (logged as a warning, since the schema should have caught it).
 */
const BAD_VALUE_SQLSTATES = new Set([
  '22003', // numeric_value_out_of_range
  '22P05', // untranslatable_character
  '22021', // character_not_in_repertoire
  '23514', // check_violation
  '22P02', // invalid_text_representation
]);

function isBadValueFromDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BAD_VALUE_SQLSTATES.has(code);
}

/**
 * PostgreSQL errors two requests racing for the same thing cause (both checked "code is free", both insert):
 * the loser gets 409 and can simply retry, instead of a 500.
 */
const CONFLICT_SQLSTATES = new Set([
  '23505', // unique_violation
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

function isConflictFromDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONFLICT_SQLSTATES.has(code);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Router errors (frameworkErrors) come before the hooks that pick the language.
  const lang = request.lang ?? 'vi';
  if (error instanceof DomainError) {
    return reply.status(statusFor(error.code)).send(body(lang, error.code, error.localized, error.issues));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = toIssues(error.validationContext, error.validation);
    return reply
      .status(400)
      .send(body(lang, 'VALIDATION_FAILED', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request has invalid fields.' }, issues));
  }
  const known = classify(error);
  if (known) return reply.status(statusFor(known.code)).send(body(lang, known.code, known.message));
  if (isBadValueFromDatabase(error)) {
    request.log.warn({ err: error }, 'database refused a value the request schema let through');
    return reply
      .status(400)
      .send(body(lang, 'VALIDATION_FAILED', { vi: 'Dữ liệu gửi lên có giá trị không hợp lệ.', en: 'The request has a value out of range or with invalid characters.' }));
  }
  if (isConflictFromDatabase(error)) {
    request.log.warn({ err: error }, 'two requests raced for the same record');
    return reply.status(409).send(
      body(lang, 'CONFLICT', {
        vi: 'Dữ liệu vừa được người khác thay đổi cùng lúc (ví dụ tạo trùng mã). Hãy tải lại và thử lại.',
        en: 'Someone changed the same data at the same moment (e.g. created the same code). Reload and try again.',
      }),
    );
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply
      .status(503)
      .header('retry-after', '5')
      .send(
        body(lang, 'DB_UNAVAILABLE', {
          vi: 'Cơ sở dữ liệu tạm thời không truy cập được. Hãy thử lại sau ít giây.',
          en: 'The database is temporarily unavailable. Try again in a few seconds.',
        }),
      );
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(body(lang, 'INTERNAL', { vi: 'Lỗi hệ thống. Hãy thử lại sau.', en: 'Internal error. Try again later.' }));
}
