import { z } from 'zod';
import type { Localized } from '../errors';
import { COMPANY_LOCALES, KPI_FILE_VERSION, type FilePath } from './types';

const text = z.string().trim().min(1);
const optionalRef = z.string().trim().min(1).nullish();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The shape of every section except the KPIs (those go through `validateKpiSet`). Unknown keys are reported separately. */
export const fileSchema = z.object({
  version: z.literal(KPI_FILE_VERSION),
  company: z
    .object({
      name: text,
      timezone: text.optional(),
      currency: z.string().regex(/^[A-Z]{3}$/).optional(),
      locale: z.enum(COMPANY_LOCALES).optional(),
      fiscal_year_start_month: z.number().int().min(1).max(12).optional(),
    })
    .nullish(),
  units: z.array(z.object({ code: text, name: text, parent: optionalRef })).nullish(),
  positions: z.array(z.object({ code: text, name: text })).nullish(),
  people: z
    .array(z.object({ email: z.string().trim().regex(EMAIL), name: text, unit: text, position: optionalRef, manager: optionalRef }))
    .nullish(),
  kpis: z.array(z.unknown()).nullish(),
});

export type RawFile = z.infer<typeof fileSchema>;

const TYPE_NAMES: Record<string, Localized> = {
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  string: { vi: 'chuỗi ký tự', en: 'text' },
  array: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một đối tượng (các cặp khóa: giá trị)', en: 'an object (key: value pairs)' },
  boolean: { vi: 'đúng/sai', en: 'true/false' },
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'object';
  return String(value);
}

function valueAt(root: unknown, path: FilePath): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

export interface SchemaProblem {
  path: FilePath;
  code: string;
  message: Localized;
}

type ZodIssue = z.core.$ZodIssue;

/** A zod issue in words users read, with the offending value when it helps. */
export function describeZodIssue(zi: ZodIssue, root: unknown): SchemaProblem {
  const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
  const key = String([...path].reverse().find((p) => typeof p === 'string') ?? 'version');
  const value = valueAt(root, path);
  const at = (code: string, vi: string, en: string): SchemaProblem => ({ path, code, message: { vi, en } });

  if (value === undefined && (zi.code === 'invalid_type' || zi.code === 'invalid_value')) {
    return at('KPI_FILE_REQUIRED', `Thiếu trường "${key}"`, `"${key}" is required`);
  }
  if (path.length === 1 && path[0] === 'version') {
    return at('KPI_FILE_VERSION', `Phiên bản định dạng phải là version: ${KPI_FILE_VERSION} (nhận được ${describe(value)})`, `The format version must be version: ${KPI_FILE_VERSION} (got ${describe(value)})`);
  }
  switch (zi.code) {
    case 'invalid_type': {
      const t = TYPE_NAMES[zi.expected] ?? { vi: zi.expected, en: zi.expected };
      return at('KPI_FILE_TYPE', `"${key}" phải là ${t.vi} (nhận được ${describe(value)})`, `"${key}" must be ${t.en} (got ${describe(value)})`);
    }
    case 'too_small':
      return zi.origin === 'string'
        ? at('KPI_FILE_EMPTY', `"${key}" không được để trống`, `"${key}" must not be empty`)
        : at('KPI_FILE_TOO_SMALL', `"${key}" phải từ ${String(zi.minimum)} trở lên (nhận được ${describe(value)})`, `"${key}" must be at least ${String(zi.minimum)} (got ${describe(value)})`);
    case 'too_big':
      return at('KPI_FILE_TOO_BIG', `"${key}" không được lớn hơn ${String(zi.maximum)} (nhận được ${describe(value)})`, `"${key}" must be at most ${String(zi.maximum)} (got ${describe(value)})`);
    case 'invalid_format':
      return key === 'email'
        ? at('KPI_FILE_EMAIL', `Email ${describe(value)} không hợp lệ`, `Invalid e-mail ${describe(value)}`)
        : at('KPI_FILE_FORMAT', `"${key}" không đúng định dạng (nhận được ${describe(value)})`, `"${key}" has the wrong format (got ${describe(value)})`);
    case 'invalid_value': {
      const list = zi.values.map(String).join(', ');
      return at('KPI_FILE_ENUM', `Giá trị ${describe(value)} của "${key}" không hợp lệ; chọn một trong: ${list}`, `Unknown ${key} ${describe(value)}; use one of: ${list}`);
    }
    default:
      return at('KPI_FILE_INVALID_VALUE', `Giá trị của "${key}" không hợp lệ`, `Invalid value for "${key}": ${zi.message}`);
  }
}
