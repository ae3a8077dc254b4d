import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { fileInvalid } from '../../core/import/limits';
import type { ZipEntry } from './zip-directory';

const CHUNK = 64 * 1024;

const liesAboutSize = (name: string) =>
  fileInvalid('sizes', { vi: `mục "${name}" giải nén ra nhiều hơn kích thước nó khai báo.`, en: `entry "${name}" inflates to more than its declared size.` });

/**
 * The entry's uncompressed bytes in chunks of at most 64 KB. Inflating runs in zlib's thread pool and
 * each chunk is a turn of the event loop, so other requests go on. Never more than the size the
 * directory declared (already checked against the limits): a zip that lies is refused as soon as it does.
 */
export async function* entryChunks(zip: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const raw = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let i = 0; i < raw.length; i += CHUNK) yield raw.subarray(i, i + CHUNK);
    return;
  }
  const inflate = createInflateRaw({ chunkSize: CHUNK });
  const input = Readable.from(slices(raw));
  input.pipe(inflate);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw liesAboutSize(entry.name);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof Error && 'errno' in e) {
      throw fileInvalid('inflate', { vi: `không giải nén được mục "${entry.name}".`, en: `entry "${entry.name}" cannot be inflated.` });
    }
    throw e;
  } finally {
    input.destroy();
    inflate.destroy();
  }
}

function* slices(raw: Buffer): Generator<Buffer> {
  for (let i = 0; i < raw.length; i += CHUNK) yield raw.subarray(i, i + CHUNK);
}

/** The whole entry as text, for the small parts of a workbook (at most `maxBytes`, checked on the declared size). */
export async function entryText(zip: Buffer, entry: ZipEntry, maxBytes: number, tooBig: () => Error): Promise<string> {
  if (entry.uncompressedSize > maxBytes) throw tooBig();
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(zip, entry)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
