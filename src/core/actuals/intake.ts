import type { KpiAggregation, KpiFrequency, KpiSource, KpiStatus } from '../kpi';
import { MAX_ABS_VALUE, MIN_ABS_VALUE, MIN_DENOMINATOR, isCleanText } from '../limits';
import type { CalendarPeriodKind, PeriodKind } from '../period';
import { periodKindOf } from './period-for-kpi';

/**
 * When an actual is accepted: the one set of rules every entry point (check-in form, API push, spreadsheet
 * import) calls, with one issue code per problem. Entry points differ only in where they point (a JSON path,
 * a row and column); the code and the message are the same.
 *
 * Each rule is a small function that returns null when the input is fine and allocates nothing then, so the
 * import can call it once per row of a million-row file.
 */

/** What the rules need to know of a KPI (a `KpiRecord` or the import's look-up entry). */
export interface IntakeKpi {
  id: number;
  code: string;
  frequency: KpiFrequency | null;
  aggregation: KpiAggregation;
  unit: string | null;
  source: KpiSource | null;
  status: KpiStatus;
  reportWithinDays: number | null;
}

/**
 * The codes, one per problem. `docs/actuals.md` lists them in one table. Range problems use the codes the
 * HTTP schemas give for the same input (`too_big`, `too_small`, `invalid_text`), so a request refused at
 * the edge and a file row refused here say the same.
 */
export const INTAKE_CODES = [
  'unknown_kpi',
  'computed_kpi',
  'archived_kpi',
  'invalid_period',
  'wrong_period_kind',
  'unknown_unit',
  'archived_unit',
  'unknown_person',
  'required',
  'not_a_number',
  'too_big',
  'too_small',
  'not_ratio',
  'unexpected_percent',
  'duplicate',
  'too_long',
  'invalid_text',
] as const;
export type IntakeCode = (typeof INTAKE_CODES)[number];

/** The field a problem is about; entry points turn it into a JSON path or a column. */
export type IntakeField = 'kpi' | 'period' | 'scope' | 'value' | 'numerator' | 'denominator' | 'comment';
export type NumberField = 'value' | 'numerator' | 'denominator';

/** Messages are sentence fragments (`thiếu giá trị thực hiện.`): the import puts them after "Dòng 3, cột …:". */
export interface IntakeProblem {
  field: IntakeField;
  code: IntakeCode;
  vi: string;
  en: string;
}

const problem = (field: IntakeField, code: IntakeCode, vi: string, en: string): IntakeProblem => ({ field, code, vi, en });

export const MAX_COMMENT_LENGTH = 2000;

// ── This KPI takes a value ──────────────────────────────────────────────────

/** The KPI named by `code` takes entered values: it exists, is not computed by a formula, is not archived. */
export function kpiProblem(kpi: IntakeKpi | undefined | null, code: string): IntakeProblem | null {
  if (!kpi) return problem('kpi', 'unknown_kpi', `không có KPI mã "${code}".`, `there is no KPI with code "${code}".`);
  if (kpi.source === 'formula') {
    return problem('kpi', 'computed_kpi', `KPI ${kpi.code} được tính bằng công thức, không nhập số liệu trực tiếp.`, `KPI ${kpi.code} is computed by a formula and takes no entered values.`);
  }
  if (kpi.source === 'dataset') {
    return problem('kpi', 'computed_kpi', `KPI ${kpi.code} được tính từ tập dữ liệu, không nhập số liệu trực tiếp.`, `KPI ${kpi.code} is computed from a dataset and takes no entered values.`);
  }
  if (kpi.status === 'archived') return problem('kpi', 'archived_kpi', `KPI ${kpi.code} đã lưu trữ.`, `KPI ${kpi.code} is archived.`);
  return null;
}

// ── This KPI takes a value for this period ──────────────────────────────────

export function invalidPeriodProblem(text: string): IntakeProblem {
  return problem(
    'period',
    'invalid_period',
    `"${text}" không phải kỳ hợp lệ (2026, 2026-Q1, 2026-03, 2026-W05).`,
    `"${text}" is not a valid period (2026, 2026-Q1, 2026-03, 2026-W05).`,
  );
}

/** A KPI with a frequency takes periods of that kind only (a monthly KPI takes `2026-03`, not `2026-Q1`). */
export function periodKindProblem(kpi: IntakeKpi, kind: PeriodKind, text: string): IntakeProblem | null {
  if (kpi.frequency === null) return null;
  const expected = periodKindOf(kpi.frequency);
  if (kind === expected) return null;
  return problem(
    'period',
    'wrong_period_kind',
    `KPI ${kpi.code} đo theo ${KIND_VI[expected]} (ví dụ ${EXAMPLE[expected]}) nhưng "${text}" là một ${KIND_VI[kind]}.`,
    `KPI ${kpi.code} is measured per ${expected} (e.g. ${EXAMPLE[expected]}) but "${text}" is a ${kind}.`,
  );
}

const KIND_VI: Record<PeriodKind, string> = { year: 'năm', quarter: 'quý', month: 'tháng', week: 'tuần', custom: 'kỳ tùy chỉnh' };
const EXAMPLE: Record<CalendarPeriodKind, string> = { week: '2026-W05', month: '2026-03', quarter: '2026-Q1', year: '2026' };

// ── This KPI takes a value here (the scope) ─────────────────────────────────

export function unitProblem(unit: { archived: boolean } | undefined | null, label: string): IntakeProblem | null {
  if (!unit) return problem('scope', 'unknown_unit', `không có phòng ban "${label}".`, `there is no org unit "${label}".`);
  if (unit.archived) return problem('scope', 'archived_unit', `phòng ban "${label}" đã lưu trữ.`, `org unit "${label}" is archived.`);
  return null;
}

export function personProblem(person: object | undefined | null, label: string): IntakeProblem | null {
  return person ? null : problem('scope', 'unknown_person', `không có nhân sự ${label}.`, `there is no person ${label}.`);
}

// ── The value ───────────────────────────────────────────────────────────────

const NAME_VI: Record<NumberField, string> = { value: 'giá trị', numerator: 'tử số', denominator: 'mẫu số' };
const NAME_EN: Record<NumberField, string> = { value: 'the value', numerator: 'the numerator', denominator: 'the denominator' };

export function missingProblem(field: NumberField, kpi: IntakeKpi): IntakeProblem {
  if (field === 'value') return problem('value', 'required', 'thiếu giá trị thực hiện.', 'the actual value is missing.');
  return problem(field, 'required', `KPI tỷ lệ ${kpi.code} cần ${NAME_VI[field]}.`, `ratio KPI ${kpi.code} needs ${NAME_EN[field].replace('the ', 'a ')}.`);
}

/**
 * A value or numerator someone entered: finite, at most 10^15 in magnitude, and 0 or at least 10^-9
 * (the limits of `core/limits.ts`, the same as the HTTP schemas and the database constraints).
 */
export function numberProblem(field: NumberField, x: number): IntakeProblem | null {
  if (x >= -MAX_ABS_VALUE && x <= MAX_ABS_VALUE && (x === 0 || x >= MIN_ABS_VALUE || x <= -MIN_ABS_VALUE)) return null;
  if (Number.isNaN(x)) return problem(field, 'not_a_number', `${NAME_VI[field]} không phải là số.`, `${NAME_EN[field]} is not a number.`);
  if (x > MAX_ABS_VALUE) return problem(field, 'too_big', `${NAME_VI[field]} phải ≤ 10^15.`, `${NAME_EN[field]} must be ≤ 10^15.`);
  if (x < -MAX_ABS_VALUE) return problem(field, 'too_small', `${NAME_VI[field]} phải ≥ −10^15.`, `${NAME_EN[field]} must be ≥ −10^15.`);
  // Same code as the HTTP schemas give for a tiny value (server/validation-messages.ts).
  return problem(field, 'too_small', `${NAME_VI[field]} phải bằng 0 hoặc có độ lớn ≥ 10^-9.`, `${NAME_EN[field]} must be 0 or at least 10^-9 in magnitude.`);
}

/** A ratio's denominator: from 10^-6 (MIN_DENOMINATOR) to 10^15; zero and negative denominators are too small. */
export function denominatorProblem(d: number): IntakeProblem | null {
  if (d >= MIN_DENOMINATOR && d <= MAX_ABS_VALUE) return null;
  if (Number.isNaN(d)) return numberProblem('denominator', d);
  if (d > MAX_ABS_VALUE) return problem('denominator', 'too_big', 'mẫu số phải ≤ 10^15.', 'the denominator must be ≤ 10^15.');
  return problem('denominator', 'too_small', 'mẫu số phải lớn hơn 0 (tối thiểu 0,000001).', 'the denominator must be greater than 0 (at least 0.000001).');
}

/** The stored value of a ratio is numerator / denominator: it must fit the value range too (10^15 / 10^-6 would not). */
export function ratioProblem(numerator: number, denominator: number): IntakeProblem | null {
  const q = numerator / denominator;
  if (q >= -MAX_ABS_VALUE && q <= MAX_ABS_VALUE) return null;
  return problem('numerator', 'too_big', 'tử số / mẫu số vượt quá ±10^15.', 'numerator / denominator is beyond ±10^15.');
}

export function notRatioProblem(field: 'numerator' | 'denominator', kpi: IntakeKpi): IntakeProblem {
  return problem(field, 'not_ratio', `KPI ${kpi.code} không phải KPI tỷ lệ, không có tử số/mẫu số.`, `KPI ${kpi.code} is not a ratio KPI and takes no numerator/denominator.`);
}

/** The unit rule: a % sign fits only the value of a KPI measured in % (ratio parts are plain counts). */
export function percentProblem(field: NumberField, kpi: IntakeKpi): IntakeProblem | null {
  if (field === 'value' && kpi.unit === '%') return null;
  if (field !== 'value') {
    return problem(field, 'unexpected_percent', `${NAME_VI[field]} của KPI ${kpi.code} là số đếm, không dùng dấu %.`, `${NAME_EN[field]} of KPI ${kpi.code} is a count, so no % sign.`);
  }
  return problem(field, 'unexpected_percent', `KPI ${kpi.code} không đo bằng %, không dùng dấu %.`, `KPI ${kpi.code} is not measured in %, so no % sign.`);
}

// ── The comment ─────────────────────────────────────────────────────────────

export function commentProblem(comment: string): IntakeProblem | null {
  if (comment.length > MAX_COMMENT_LENGTH) {
    return problem('comment', 'too_long', `ghi chú dài quá ${MAX_COMMENT_LENGTH} ký tự.`, `the comment is longer than ${MAX_COMMENT_LENGTH} characters.`);
  }
  if (comment !== '' && !isCleanText(comment)) {
    return problem('comment', 'invalid_text', 'ghi chú chứa ký tự không hợp lệ (NUL hoặc nửa cặp UTF-16).', 'the comment has an invalid character (NUL or half a UTF-16 pair).');
  }
  return null;
}

// ── The same slot twice in one request or file ──────────────────────────────

/** `first` says where the slot came first: `{ vi: 'dòng 2', en: 'row 2' }` or `{ vi: 'mục 0', en: 'item 0' }`. */
export function duplicateProblem(first: { vi: string; en: string }): IntakeProblem {
  return problem('period', 'duplicate', `trùng KPI, kỳ và phạm vi với ${first.vi}.`, `same KPI, period and scope as ${first.en}.`);
}
