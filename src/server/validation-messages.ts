import type { Issue, Localized } from '../core/errors';
import { MAX_ABS_VALUE, MIN_ABS_VALUE } from '../core/limits';

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

const invalid = (path: string, code: string, field: string): Issue => ({
  path,
  code,
  message: { vi: `Trường "${field}" không hợp lệ.`, en: `Field "${field}" is invalid.` },
});

/** Our own checks (src/contract/common.ts), named by `params.check`. */
const CUSTOM_CHECKS: Record<string, { code: string; message: (field: string) => Localized }> = {
  clean_text: {
    code: 'invalid_text',
    message: (f) => ({
      vi: `Trường "${f}" chứa ký tự không hợp lệ (NUL hoặc nửa cặp UTF-16).`,
      en: `Field "${f}" contains an invalid character (NUL or half of a UTF-16 pair).`,
    }),
  },
  tiny_value: {
    code: 'too_small',
    message: (f) => ({
      vi: `Trường "${f}" phải bằng 0 hoặc có giá trị tuyệt đối từ ${MIN_ABS_VALUE.toExponential()} trở lên.`,
      en: `Field "${f}" must be 0 or at least ${MIN_ABS_VALUE.toExponential()} in magnitude.`,
    }),
  },
  ratio_range: {
    code: 'too_big',
    message: (f) => ({
      vi: `Tử số chia mẫu số (trường "${f}") phải nằm trong khoảng ±${MAX_ABS_VALUE.toExponential()}.`,
      en: `The numerator divided by the denominator (field "${f}") must be within ±${MAX_ABS_VALUE.toExponential()}.`,
    }),
  },
};

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
      case 'custom': {
        const custom = CUSTOM_CHECKS[String((p.params as { check?: unknown } | undefined)?.check)];
        out.push(custom ? { path: path(base), code: custom.code, message: custom.message(base) } : invalid(path(base), e.keyword, base));
        break;
      }
      default:
        out.push(invalid(path(base), e.keyword, base));
    }
  }
  return out;
}
