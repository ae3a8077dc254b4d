import { IMPORT_LIMITS, fileInvalid, fileTooLarge } from '../../core/import/limits';

/** One file inside a zip, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's compressed bytes start in the zip. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

const broken = (reason: string, vi: string, en: string) => fileInvalid(reason, { vi, en });

/** True when the bytes have a zip's end-of-central-directory record (any XLSX does). */
export function looksLikeZip(data: Buffer): boolean {
  return findEndOfDirectory(data) >= 0;
}

function findEndOfDirectory(data: Buffer): number {
  const lowest = Math.max(0, data.length - EOCD_MIN - MAX_COMMENT);
  for (let i = data.length - EOCD_MIN; i >= lowest; i--) {
    if (data.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/**
 * Reads a zip's central directory without inflating anything and checks the declared sizes against
 * IMPORT_LIMITS: entry count, total uncompressed size, compression ratio per entry. ZIP64, encrypted
 * entries, methods other than stored/deflate and offsets outside the file are refused.
 */
export function readZipDirectory(data: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(data);
  if (end < 0) throw broken('no_directory', 'không tìm thấy mục lục của tệp nén.', 'the zip directory is missing.');
  const count = data.readUInt16LE(end + 10);
  const size = data.readUInt32LE(end + 12);
  const offset = data.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw broken('zip64', 'tệp nén ZIP64 không được hỗ trợ.', 'ZIP64 archives are not supported.');
  }
  if (count > IMPORT_LIMITS.maxZipEntries) {
    throw broken('too_many_entries', `tệp nén có ${count} mục (tối đa ${IMPORT_LIMITS.maxZipEntries}).`, `the zip has ${count} entries (at most ${IMPORT_LIMITS.maxZipEntries}).`);
  }
  if (offset + size > end) throw broken('bad_directory', 'mục lục của tệp nén nằm ngoài tệp.', 'the zip directory lies outside the file.');

  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || data.readUInt32LE(p) !== CENTRAL) throw broken('bad_directory', 'mục lục của tệp nén bị hỏng.', 'the zip directory is corrupt.');
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const compressedSize = data.readUInt32LE(p + 20);
    const uncompressedSize = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const localOffset = data.readUInt32LE(p + 42);
    const name = data.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (flags & 1) throw broken('encrypted', 'tệp được đặt mật khẩu; hãy bỏ mật khẩu rồi gửi lại.', 'the file is password-protected; remove the password and send it again.');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw broken('zip64', 'tệp nén ZIP64 không được hỗ trợ.', 'ZIP64 archives are not supported.');
    }
    if (method !== 0 && method !== 8) throw broken('method', `mục "${name}" dùng kiểu nén ${method} không được hỗ trợ.`, `entry "${name}" uses unsupported compression method ${method}.`);
    if (method === 0 && compressedSize !== uncompressedSize) throw broken('sizes', `kích thước mục "${name}" không khớp.`, `the sizes of entry "${name}" disagree.`);

    total += uncompressedSize;
    if (total > IMPORT_LIMITS.maxUncompressedBytes) throw fileTooLarge('unpacked', total, IMPORT_LIMITS.maxUncompressedBytes);
    if (uncompressedSize > IMPORT_LIMITS.ratioCheckFromBytes) {
      const ratio = Math.floor(uncompressedSize / Math.max(compressedSize, 1));
      if (ratio > IMPORT_LIMITS.maxCompressionRatio) throw fileTooLarge('ratio', ratio, IMPORT_LIMITS.maxCompressionRatio);
    }
    entries.set(name, { name, method, compressedSize, uncompressedSize, dataOffset: dataStart(data, localOffset, name, compressedSize, offset) });
  }
  return entries;
}

/** Where an entry's data starts, from its local header; the data must end before the central directory. */
function dataStart(data: Buffer, localOffset: number, name: string, compressedSize: number, directoryOffset: number): number {
  if (localOffset + 30 > directoryOffset || data.readUInt32LE(localOffset) !== LOCAL) {
    throw broken('bad_offset', `mục "${name}" không nằm ở vị trí mục lục ghi.`, `entry "${name}" is not where the directory says.`);
  }
  const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
  if (start + compressedSize > directoryOffset) {
    throw broken('bad_offset', `mục "${name}" vượt ra ngoài tệp.`, `entry "${name}" runs past the end of the file.`);
  }
  return start;
}
