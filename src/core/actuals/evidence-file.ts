import { issue, type Issue } from '../errors';

/** Evidence files may be at most 10 MB. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export type EvidenceKind = 'pdf' | 'png' | 'jpeg' | 'webp' | 'xlsx' | 'docx' | 'csv' | 'txt';

/** The content type stored and served for each kind; never text/html. */
export const EVIDENCE_CONTENT_TYPES: Record<EvidenceKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

const KIND_BY_EXTENSION: Record<string, EvidenceKind> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  xlsx: 'xlsx',
  docx: 'docx',
  csv: 'csv',
  txt: 'txt',
};

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function contains(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Plain text: valid UTF-8, no NUL bytes, and not markup a browser could run. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  return !/^<(!doctype|html|head|body|script|svg|\?xml|iframe|object)/.test(head);
}

/** Whether the bytes really are a file of this kind (magic bytes, not the name). */
function matches(kind: EvidenceKind, bytes: Uint8Array): boolean {
  switch (kind) {
    case 'pdf':
      return startsWith(bytes, ascii('%PDF-'));
    case 'png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'webp':
      return startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8);
    case 'xlsx':
      return startsWith(bytes, ZIP) && contains(bytes, 'xl/workbook');
    case 'docx':
      return startsWith(bytes, ZIP) && contains(bytes, 'word/document');
    case 'csv':
    case 'txt':
      return isPlainText(bytes);
  }
}

export type EvidenceCheck = { ok: true; kind: EvidenceKind; contentType: string; fileName: string } | { ok: false; issue: Issue };

const ALLOWED = 'PDF, PNG, JPEG, WebP, XLSX, DOCX, CSV, TXT';

/**
 * Decides whether an uploaded file may be kept as evidence: its extension must be an allowed kind and
 * its bytes must be that kind. The stored content type comes from the kind, never from the client.
 */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): EvidenceCheck {
  const name = sanitizeFileName(fileName);
  if (bytes.length === 0) return { ok: false, issue: issue('file', 'empty', 'Tệp rỗng.', 'The file is empty.') };
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    return { ok: false, issue: issue('file', 'too_large', 'Tệp minh chứng tối đa 10 MB.', 'Evidence files may be at most 10 MB.') };
  }
  const ext = extensionOf(name);
  const kind = KIND_BY_EXTENSION[ext];
  if (!kind) {
    return {
      ok: false,
      issue: issue('file', 'type_not_allowed', `Chỉ nhận tệp ${ALLOWED}.`, `Only ${ALLOWED} files are accepted.`),
    };
  }
  if (!matches(kind, bytes)) {
    return {
      ok: false,
      issue: issue(
        'file',
        'content_mismatch',
        `Nội dung tệp "${name}" không phải là tệp ${ext.toUpperCase()} hợp lệ.`,
        `The content of "${name}" is not a valid ${ext.toUpperCase()} file.`,
      ),
    };
  }
  return { ok: true, kind, contentType: EVIDENCE_CONTENT_TYPES[kind], fileName: name };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const MAX_NAME = 200;
const RESERVED = new Set(['"', '<', '>', ':', '|', '?', '*', ';']);

/** Control characters (C0, DEL, C1) and characters reserved in file names or headers. */
function isUnsafeChar(c: string): boolean {
  const code = c.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || RESERVED.has(c);
}

/**
 * A file name safe to store and to send back in Content-Disposition: no folders, no control or
 * reserved characters, no leading dots, at most 200 characters (the extension is kept).
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = Array.from(base, (c) => (isUnsafeChar(c) ? '_' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = Array.from(name.slice(0, dot > 0 && ext ? dot : name.length)).slice(0, MAX_NAME - ext.length).join('') + ext;
  }
  return name || 'evidence';
}
