import type { Issue, Localized } from '../core/errors';

/** What fastify-type-provider-zod hands us for each failed check. */
export interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

const TYPE_NAMES: Record<string, Localized> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  boolean: { vi: 'true/false', en: 'true/false' },
  object: { vi: 'đối tượng', en: 'an object' },
  array: { vi: 'danh sách', en: 'a list' },
};

function typeName(t: unknown): Localized {
  return TYPE_NAMES[String(t)] ?? { vi: String(t), en: String(t) };
}

/** Turns zod issues into `{ path, code, message }` with Vietnamese and English text. */
export function toIssues(context: string | undefined, entries: ValidationEntry[]): Issue[] {
  const prefix = context && context !== 'body' ? `${context}.` : '';
  const out: Issue[] = [];
  for (const e of entries) {
    const base = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const path = (name: string) => prefix + (name || '(root)');
    const p = e.params;
    switch (e.keyword) {
      case 'unrecognized_keys':
        for (const key of (p.keys as string[] | undefined) ?? []) {
          const field = base ? `${base}.${key}` : key;
          out.push({ path: path(field), code: 'unknown_field', message: { vi: `Trường "${field}" không được hỗ trợ.`, en: `Unknown field "${field}".` } });
        }
        break;
      case 'invalid_type': {
        const missing = /received undefined/.test(e.message ?? '');
        const t = typeName(p.expected);
        out.push(
          missing
            ? { path: path(base), code: 'required', message: { vi: `Trường "${base}" là bắt buộc.`, en: `Field "${base}" is required.` } }
            : { path: path(base), code: 'invalid_type', message: { vi: `Trường "${base}" phải là ${t.vi}.`, en: `Field "${base}" must be ${t.en}.` } },
        );
        break;
      }
      case 'too_small': {
        const min = p.minimum;
        const message: Localized =
          p.origin === 'string'
            ? Number(min) <= 1
              ? { vi: `Trường "${base}" không được để trống.`, en: `Field "${base}" must not be empty.` }
              : { vi: `Trường "${base}" phải có ít nhất ${min} ký tự.`, en: `Field "${base}" must have at least ${min} characters.` }
            : { vi: `Trường "${base}" phải ≥ ${min}.`, en: `Field "${base}" must be ≥ ${min}.` };
        out.push({ path: path(base), code: 'too_small', message });
        break;
      }
      case 'too_big': {
        const max = p.maximum;
        const message: Localized =
          p.origin === 'string'
            ? { vi: `Trường "${base}" dài tối đa ${max} ký tự.`, en: `Field "${base}" must be at most ${max} characters long.` }
            : { vi: `Trường "${base}" phải ≤ ${max}.`, en: `Field "${base}" must be ≤ ${max}.` };
        out.push({ path: path(base), code: 'too_big', message });
        break;
      }
      case 'invalid_format':
        out.push({
          path: path(base),
          code: p.format === 'email' ? 'invalid_email' : 'invalid_format',
          message:
            p.format === 'email'
              ? { vi: `Trường "${base}" không phải email hợp lệ.`, en: `Field "${base}" is not a valid email.` }
              : { vi: `Trường "${base}" sai định dạng.`, en: `Field "${base}" has an invalid format.` },
        });
        break;
      case 'invalid_value': {
        const values = ((p.values as unknown[] | undefined) ?? []).map(String).join(', ');
        out.push({ path: path(base), code: 'invalid_value', message: { vi: `Trường "${base}" phải là một trong: ${values}.`, en: `Field "${base}" must be one of: ${values}.` } });
        break;
      }
      default:
        out.push({ path: path(base), code: e.keyword, message: { vi: `Trường "${base}" không hợp lệ.`, en: `Field "${base}" is invalid.` } });
    }
  }
  return out;
}
