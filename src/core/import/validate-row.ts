import { isLate, periodKindOf } from '../actuals';
import type { KpiAggregation, KpiFrequency, KpiSource, KpiStatus } from '../kpi';
import type { IsoDate, Period } from '../period';
import { parsePeriodCell, type ParsedPeriod } from './dates';
import { normalizeHeader, type ActualField, type ColumnIndex } from './headers';
import { isFormulaInjection } from './injection';
import { rowIssue, type IssueList, type RowIssueCode } from './issues';
import { numberShape, parseNumberCell, type DecimalStyle } from './numbers';

/** A cell as read: text, or a number from a numeric XLSX cell (dates arrive as ISO text). */
export type Cell = string | number;

export interface KpiInfo {
  id: number;
  code: string;
  frequency: KpiFrequency | null;
  aggregation: KpiAggregation;
  unit: string | null;
  source: KpiSource | null;
  status: KpiStatus;
  reportWithinDays: number | null;
}

export interface ImportLookups {
  /** By upper-case code. */
  kpis: ReadonlyMap<string, KpiInfo>;
  /** By upper-case code. */
  units: ReadonlyMap<string, { id: number; archived: boolean }>;
  /** By lower-case email. */
  people: ReadonlyMap<string, { id: number; unitId: number }>;
  /** Units the importer may write: `all` (admins, and the company scope) or a unit subtree (managers). */
  writableUnits: 'all' | ReadonlySet<number>;
}

export type ImportScope = { type: 'company'; id: null } | { type: 'unit'; id: number } | { type: 'person'; id: number };

/** A valid row, shaped like the store's `ActualWrite`, plus its row number. */
export interface ImportedActual {
  row: number;
  kpiId: number;
  period: string;
  kind: string;
  start: IsoDate;
  end: IsoDate;
  scope: ImportScope;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: 'import';
  comment: string | null;
  late: boolean;
}

export interface RowValidatorOptions {
  lookups: ImportLookups;
  columns: ColumnIndex;
  headers: readonly string[];
  /** The file's decimal style, or null when the values did not tell (ambiguous cells are then errors). */
  decimal: DecimalStyle | null;
  /** Today in the company time zone, for lateness. */
  today: IsoDate;
  /** For CSV: the delimiter not used, to recognise rows written with the other one. */
  otherDelimiter?: string | null;
}

export const MAX_COMMENT_LENGTH = 2000;
const COMPANY: ImportScope = { type: 'company', id: null };
const COMPANY_WORDS = new Set(['company', 'congty', 'toancongty']);

/**
 * Checks rows one at a time (so a million rows stream through) and reports every problem of every row.
 * Periods and scopes are shared objects, and duplicates are found with one Map.
 */
export class ActualRowValidator {
  private readonly seen = new Map<string, number>();
  private readonly periods = new Map<string, Period>();
  private readonly parsedPeriods = new Map<string, ParsedPeriod>();
  private readonly scopes = new Map<string, ImportScope>();
  private readonly o: RowValidatorOptions;

  constructor(options: RowValidatorOptions) {
    this.o = options;
  }

  /** The valid actual of a row, or null after adding its issues. Blank rows give null and no issue. */
  check(row: number, cells: readonly Cell[], issues: IssueList): ImportedActual | null {
    const { columns, headers, lookups } = this.o;
    const text = (f: ActualField): string => {
      const i = columns[f];
      if (i === undefined) return '';
      const c = cells[i];
      return c === undefined ? '' : typeof c === 'number' ? String(c) : c.trim();
    };
    const raw = (f: ActualField): Cell => {
      const i = columns[f];
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const colName = (f: ActualField) => headers[columns[f] ?? -1] ?? f;
    let bad = false;
    const report = (f: ActualField, code: RowIssueCode, vi: string, en: string) => {
      bad = true;
      issues.add(rowIssue(row, colName(f), code, vi, en));
    };

    if (cells.every((c) => c === '' || (typeof c === 'string' && c.trim() === ''))) return null;
    if (this.o.otherDelimiter && cells.length < headers.length && cells.some((c) => typeof c === 'string' && c.includes(this.o.otherDelimiter!))) {
      const other = this.o.otherDelimiter;
      issues.add(
        rowIssue(row, headers[0] ?? '', 'mixed_delimiter', `dòng này dùng dấu "${other}" làm dấu phân cách, khác với phần còn lại của tệp.`, `this row is separated by "${other}", unlike the rest of the file.`),
      );
      return null;
    }
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c !== '' && String(c).trim() !== '')) {
      issues.add(
        rowIssue(row, headers[headers.length - 1] ?? '', 'column_count', `dòng có ${cells.length} ô nhưng tiêu đề chỉ có ${headers.length} cột.`, `the row has ${cells.length} cells but the header has ${headers.length} columns.`),
      );
      return null;
    }

    // Formula injection first: such a cell is never read as data.
    for (const f of Object.keys(columns) as ActualField[]) {
      const c = raw(f);
      if (typeof c === 'string' && isFormulaInjection(c)) {
        report(f, 'formula_injection', 'ô bắt đầu bằng =, +, -, @ hoặc ký tự điều khiển và không phải số: có thể là công thức độc hại, đã bị từ chối.', 'the cell starts with =, +, -, @ or a control character and is not a number: a possible formula injection, rejected.');
      }
    }
    if (bad) return null;

    // KPI
    const code = text('kpi');
    const kpi = code ? lookups.kpis.get(code.toUpperCase()) : undefined;
    if (!code) report('kpi', 'required', 'thiếu mã KPI.', 'the KPI code is missing.');
    else if (!kpi) report('kpi', 'unknown_kpi', `không có KPI mã "${code}".`, `there is no KPI with code "${code}".`);
    else if (kpi.source === 'formula') report('kpi', 'computed_kpi', `KPI ${kpi.code} được tính bằng công thức nên không nhập được.`, `KPI ${kpi.code} is computed by a formula and cannot be imported.`);
    else if (kpi.status === 'archived') report('kpi', 'archived_kpi', `KPI ${kpi.code} đã lưu trữ.`, `KPI ${kpi.code} is archived.`);
    const knownKpi = kpi && !bad ? kpi : undefined;

    const period = this.period(text, report, knownKpi);
    const scope = this.scope(text, report);
    const values = knownKpi ? this.values(knownKpi, raw, report) : null;

    const comment = text('comment');
    if (comment.length > MAX_COMMENT_LENGTH) report('comment', 'too_long', `ghi chú dài quá ${MAX_COMMENT_LENGTH} ký tự.`, `the comment is longer than ${MAX_COMMENT_LENGTH} characters.`);

    if (bad || !kpi || !period || !scope || !values) return null;

    const key = `${kpi.id}|${period.key}|${scope.type}|${scope.id ?? ''}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      report('kpi', 'duplicate_row', `trùng KPI, kỳ và phạm vi với dòng ${first}.`, `same KPI, period and scope as row ${first}.`);
      return null;
    }
    this.seen.set(key, row);

    return {
      row,
      kpiId: kpi.id,
      period: period.key,
      kind: period.kind,
      start: period.start,
      end: period.end,
      scope,
      value: values.value,
      numerator: values.numerator,
      denominator: values.denominator,
      source: 'import',
      comment: comment || null,
      late: this.late(period, kpi.reportWithinDays),
    };
  }

  private period(
    text: (f: ActualField) => string,
    report: (f: ActualField, code: RowIssueCode, vi: string, en: string) => void,
    kpi: KpiInfo | undefined,
  ): Period | null {
    const field: ActualField = text('period') !== '' || this.o.columns.date === undefined ? 'period' : 'date';
    const cell = text(field);
    if (!cell) {
      report(field, 'required', 'thiếu kỳ hoặc ngày.', 'the period or date is missing.');
      return null;
    }
    const kind = kpi?.frequency ? periodKindOf(kpi.frequency) : null;
    // Files repeat the same few periods: parse each text once per period kind.
    const cacheKey = `${kind}|${cell}`;
    let parsed = this.parsedPeriods.get(cacheKey);
    if (!parsed) {
      parsed = parsePeriodCell(cell, kind);
      if (this.parsedPeriods.size < 100_000) this.parsedPeriods.set(cacheKey, parsed);
    }
    if (!parsed.ok) {
      if (parsed.reason === 'impossible_date') report(field, 'impossible_date', `ngày "${cell}" không tồn tại.`, `the date "${cell}" does not exist.`);
      else if (parsed.reason === 'no_frequency') report(field, 'no_frequency', 'KPI chưa có tần suất đo, hãy ghi kỳ (ví dụ 2026-03) thay vì ngày.', 'the KPI has no frequency: give a period (e.g. 2026-03) instead of a date.');
      else report(field, 'invalid_period', `"${cell}" không phải kỳ hợp lệ (2026, 2026-Q1, 2026-03, 2026-W05) hay ngày (dd/mm/yyyy, yyyy-mm-dd).`, `"${cell}" is not a valid period (2026, 2026-Q1, 2026-03, 2026-W05) or date (dd/mm/yyyy, yyyy-mm-dd).`);
      return null;
    }
    if (!kpi) return null;
    const p = parsed.period;
    if (kind !== null && p.kind !== kind) {
      report(field, 'wrong_period_kind', `KPI ${kpi.code} đo theo ${KIND_VI[kind]} nhưng kỳ "${cell}" là một ${KIND_VI[p.kind as keyof typeof KIND_VI]}.`, `KPI ${kpi.code} is measured per ${kind} but "${cell}" is a ${p.kind}.`);
      return null;
    }
    const shared = this.periods.get(p.key);
    if (shared) return shared;
    this.periods.set(p.key, p);
    return p;
  }

  private scope(text: (f: ActualField) => string, report: (f: ActualField, code: RowIssueCode, vi: string, en: string) => void): ImportScope | null {
    const { lookups } = this.o;
    let unitCode = text('unit');
    let email = text('person').toLowerCase();
    const scopeText = text('scope');
    let unitField: ActualField = 'unit';
    let personField: ActualField = 'person';
    if (scopeText && !COMPANY_WORDS.has(normalizeHeader(scopeText))) {
      if (scopeText.includes('@')) {
        email ||= scopeText.toLowerCase();
        personField = email === scopeText.toLowerCase() ? 'scope' : personField;
      } else {
        unitCode ||= scopeText;
        unitField = unitCode === scopeText ? 'scope' : unitField;
      }
    }
    let result: ImportScope = COMPANY;
    let unitId: number | null = null;
    if (email) {
      const person = lookups.people.get(email);
      if (!person) {
        report(personField, 'unknown_person', `không có nhân sự với email ${email}.`, `there is no person with email ${email}.`);
        return null;
      }
      if (unitCode) {
        const unit = lookups.units.get(unitCode.toUpperCase());
        if (unit && unit.id !== person.unitId) {
          report(unitField, 'scope_mismatch', `nhân sự ${email} không thuộc phòng ban ${unitCode}.`, `person ${email} is not in unit ${unitCode}.`);
          return null;
        }
      }
      result = this.sharedScope('person', person.id);
      unitId = person.unitId;
    } else if (unitCode) {
      const unit = lookups.units.get(unitCode.toUpperCase());
      if (!unit) {
        report(unitField, 'unknown_unit', `không có phòng ban mã "${unitCode}".`, `there is no org unit with code "${unitCode}".`);
        return null;
      }
      if (unit.archived) {
        report(unitField, 'archived_unit', `phòng ban "${unitCode}" đã lưu trữ.`, `org unit "${unitCode}" is archived.`);
        return null;
      }
      result = this.sharedScope('unit', unit.id);
      unitId = unit.id;
    }
    const allowed = lookups.writableUnits === 'all' || (unitId !== null && lookups.writableUnits.has(unitId));
    if (!allowed) {
      const f: ActualField = result.type === 'person' ? personField : unitField;
      report(
        f,
        'forbidden_scope',
        result.type === 'company' ? 'chỉ quản trị viên được nhập số liệu cấp công ty.' : 'phạm vi này nằm ngoài phòng ban bạn quản lý.',
        result.type === 'company' ? 'only admins may import company-level actuals.' : 'this scope is outside the units you manage.',
      );
      return null;
    }
    return result;
  }

  private readonly lateness = new Map<string, boolean>();
  private late(period: Period, days: number | null): boolean {
    if (days === null) return false;
    const key = `${period.key}|${days}`;
    let late = this.lateness.get(key);
    if (late === undefined) this.lateness.set(key, (late = isLate(period.end, days, this.o.today)));
    return late;
  }

  private sharedScope(type: 'unit' | 'person', id: number): ImportScope {
    const key = `${type}:${id}`;
    const known = this.scopes.get(key);
    if (known) return known;
    const s: ImportScope = { type, id };
    this.scopes.set(key, s);
    return s;
  }

  private values(
    kpi: KpiInfo,
    raw: (f: ActualField) => Cell,
    report: (f: ActualField, code: RowIssueCode, vi: string, en: string) => void,
  ): { value: number; numerator: number | null; denominator: number | null } | null {
    const percentAllowed = kpi.unit === '%';
    const num = (f: ActualField, allowPercent: boolean): number | null | undefined => {
      const c = raw(f);
      if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
      const t = c.trim();
      if (t === '') return null;
      const parsed = parseNumberCell(t, this.o.decimal);
      if (!parsed.ok) {
        if (parsed.reason === 'ambiguous') {
          report(f, 'ambiguous_number', `"${t}" có thể là ${t.replace(/[.,]/, '')} hoặc ${t.replace(/[.,]/, ',')}: hãy chọn dấu thập phân cho tệp (--decimal comma|dot).`, `"${t}" could be ${t.replace(/[.,]/, '')} or ${t.replace(/[.,]/, '.')}: choose the file's decimal separator (--decimal comma|dot).`);
        } else if (parsed.reason === 'wrong_style') {
          const shape = numberShape(t);
          const style = shape.kind === 'decisive' ? shape.style : this.o.decimal;
          report(f, 'decimal_conflict', `"${t}" viết theo kiểu ${style === 'comma' ? '1.234,5' : '1,234.5'}, khác với phần còn lại của tệp (${this.o.decimal === 'comma' ? '1.234,5' : '1,234.5'}).`, `"${t}" is written as ${style === 'comma' ? '1.234,5' : '1,234.5'}, unlike the rest of the file (${this.o.decimal === 'comma' ? '1.234,5' : '1,234.5'}).`);
        } else {
          report(f, 'not_a_number', `"${t}" không phải là số.`, `"${t}" is not a number.`);
        }
        return undefined;
      }
      if (parsed.percent && !allowPercent) {
        report(f, 'unexpected_percent', `KPI ${kpi.code} không đo bằng %, không dùng dấu %.`, `KPI ${kpi.code} is not measured in %, so no % sign.`);
        return undefined;
      }
      return parsed.value;
    };

    if (kpi.aggregation === 'ratio') {
      const n = num('numerator', false);
      const d = num('denominator', false);
      if (n === null) report('numerator', 'required', `KPI tỷ lệ ${kpi.code} cần tử số.`, `ratio KPI ${kpi.code} needs a numerator.`);
      if (d === null) report('denominator', 'required', `KPI tỷ lệ ${kpi.code} cần mẫu số.`, `ratio KPI ${kpi.code} needs a denominator.`);
      else if (d !== undefined && d <= 0) report('denominator', 'denominator_not_positive', 'mẫu số phải lớn hơn 0.', 'the denominator must be greater than 0.');
      if (n == null || d == null || d <= 0) return null;
      return { value: n / d, numerator: n, denominator: d };
    }
    const v = num('value', percentAllowed);
    if (v === null) report('value', 'required', 'thiếu giá trị thực hiện.', 'the actual value is missing.');
    for (const f of ['numerator', 'denominator'] as const) {
      const c = raw(f);
      if (c !== '' && String(c).trim() !== '') report(f, 'not_ratio', `KPI ${kpi.code} không phải KPI tỷ lệ, không có tử số/mẫu số.`, `KPI ${kpi.code} is not a ratio KPI and takes no numerator/denominator.`);
    }
    if (v == null) return null;
    return { value: v, numerator: null, denominator: null };
  }
}

const KIND_VI = { year: 'năm', quarter: 'quý', month: 'tháng', week: 'tuần', custom: 'kỳ tùy chỉnh' } as const;
