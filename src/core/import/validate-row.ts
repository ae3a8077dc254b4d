import { isLate, periodKindOf } from '../actuals';
import type { KpiAggregation, KpiFrequency, KpiSource, KpiStatus } from '../kpi';
import type { IsoDate, Period } from '../period';
import { anyFilledFrom, anyTextIncludes, isBlank, upperCase } from './cells';
import { DuplicateIndex } from './duplicate-index';
import { normalizeHeader, type ActualField, type ColumnIndex } from './headers';
import { FORMULA_CELL_MESSAGE, isFormulaCell } from './formula-cells';
import { rowIssue, type IssueList, type RowIssueCode } from './issues';
import { numberShape, parseNumberCell, type DecimalStyle } from './numbers';
import { PeriodCache } from './period-cache';

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

type ScopeType = ImportScope['type'];

/**
 * Checks rows one at a time (so a million rows stream through) and reports every problem of every row.
 * Periods and scopes are shared objects, so duplicates are found by object identity, without building keys.
 *
 * Hot path: `check` runs once per row, so it creates no closures (tsx wraps each one in `__name`) and no
 * per-row strings or arrays; the row being checked lives in fields the private methods read.
 */
export class ActualRowValidator {
  private readonly duplicates = new DuplicateIndex();
  private readonly periodCache = new PeriodCache();
  private readonly unitScopes = new Map<number, ImportScope>();
  private readonly personScopes = new Map<number, ImportScope>();
  private readonly lateness = new Map<Period, Map<number, boolean>>();
  private readonly o: RowValidatorOptions;
  /** The mapped fields with their column, in `Object.keys(columns)` order (the order issues are reported in). */
  private readonly mappedFields: ActualField[] = [];
  private readonly mappedIndexes: (number | undefined)[] = [];
  /** Column of each field, -1 when unmapped: named loads, not `columns[f]` with a varying `f`, on the hot path. */
  private readonly col: Record<ActualField, number>;

  // The row being checked.
  private row = 0;
  private cells: readonly Cell[] = [];
  private issues: IssueList | null = null;
  private bad = false;
  // The values of the row, set by `values()` when it returns true.
  private value = 0;
  private numerator: number | null = null;
  private denominator: number | null = null;

  constructor(options: RowValidatorOptions) {
    this.o = options;
    const c = options.columns;
    this.col = {
      kpi: c.kpi ?? -1,
      period: c.period ?? -1,
      date: c.date ?? -1,
      scope: c.scope ?? -1,
      unit: c.unit ?? -1,
      person: c.person ?? -1,
      value: c.value ?? -1,
      numerator: c.numerator ?? -1,
      denominator: c.denominator ?? -1,
      comment: c.comment ?? -1,
    };
    for (const f of Object.keys(options.columns) as ActualField[]) {
      this.mappedFields.push(f);
      this.mappedIndexes.push(options.columns[f]);
    }
  }

  /** The valid actual of a row, or null after adding its issues. Blank rows give null and no issue. */
  check(row: number, cells: readonly Cell[], issues: IssueList): ImportedActual | null {
    this.row = row;
    this.cells = cells;
    this.issues = issues;
    this.bad = false;
    return this.checkRow();
  }

  private checkRow(): ImportedActual | null {
    const { headers, lookups } = this.o;
    const { cells, row } = this;
    const issues = this.issues!;

    if (isBlank(cells)) return null;
    const other = this.o.otherDelimiter;
    if (other && cells.length < headers.length && anyTextIncludes(cells, other)) {
      issues.add(
        rowIssue(row, headers[0] ?? '', 'mixed_delimiter', `dòng này dùng dấu "${other}" làm dấu phân cách, khác với phần còn lại của tệp.`, `this row is separated by "${other}", unlike the rest of the file.`),
      );
      return null;
    }
    if (cells.length > headers.length && anyFilledFrom(cells, headers.length)) {
      issues.add(
        rowIssue(row, headers[headers.length - 1] ?? '', 'column_count', `dòng có ${cells.length} ô nhưng tiêu đề chỉ có ${headers.length} cột.`, `the row has ${cells.length} cells but the header has ${headers.length} columns.`),
      );
      return null;
    }

    // Formula injection first: such a cell is never read as data.
    for (let k = 0; k < this.mappedFields.length; k++) {
      const i = this.mappedIndexes[k];
      if (i === undefined) continue;
      const c = cells[i];
      if (typeof c === 'string' && isFormulaCell(c)) {
        this.report(this.mappedFields[k]!, 'formula_injection', FORMULA_CELL_MESSAGE.vi, FORMULA_CELL_MESSAGE.en);
      }
    }
    if (this.bad) return null;

    // KPI
    const code = this.text(this.col.kpi);
    const kpi = code ? lookups.kpis.get(upperCase(code)) : undefined;
    if (!code) this.report('kpi', 'required', 'thiếu mã KPI.', 'the KPI code is missing.');
    else if (!kpi) this.report('kpi', 'unknown_kpi', `không có KPI mã "${code}".`, `there is no KPI with code "${code}".`);
    else if (kpi.source === 'formula') this.report('kpi', 'computed_kpi', `KPI ${kpi.code} được tính bằng công thức nên không nhập được.`, `KPI ${kpi.code} is computed by a formula and cannot be imported.`);
    else if (kpi.status === 'archived') this.report('kpi', 'archived_kpi', `KPI ${kpi.code} đã lưu trữ.`, `KPI ${kpi.code} is archived.`);
    const knownKpi = kpi && !this.bad ? kpi : undefined;

    const period = this.period(knownKpi);
    const scope = this.scope();
    const values = knownKpi ? this.values(knownKpi) : false;

    const comment = this.text(this.col.comment);
    if (comment.length > MAX_COMMENT_LENGTH) this.report('comment', 'too_long', `ghi chú dài quá ${MAX_COMMENT_LENGTH} ký tự.`, `the comment is longer than ${MAX_COMMENT_LENGTH} characters.`);

    if (this.bad || !kpi || !period || !scope || !values) return null;

    const first = this.duplicates.firstRowOf(kpi.id, period, scope, row);
    if (first !== undefined) {
      this.report('kpi', 'duplicate_row', `trùng KPI, kỳ và phạm vi với dòng ${first}.`, `same KPI, period and scope as row ${first}.`);
      return null;
    }

    return {
      row,
      kpiId: kpi.id,
      period: period.key,
      kind: period.kind,
      start: period.start,
      end: period.end,
      scope,
      value: this.value,
      numerator: this.numerator,
      denominator: this.denominator,
      source: 'import',
      comment: comment || null,
      late: this.late(period, kpi.reportWithinDays),
    };
  }

  /** The trimmed text of the cell in column `i` ('' when unmapped (-1) or missing). */
  private text(i: number): string {
    if (i < 0) return '';
    const c = this.cells[i];
    return c === undefined ? '' : typeof c === 'number' ? String(c) : c.trim();
  }

  private raw(i: number): Cell {
    return i < 0 ? '' : (this.cells[i] ?? '');
  }

  private report(f: ActualField, code: RowIssueCode, vi: string, en: string): void {
    this.bad = true;
    const name = this.o.headers[this.o.columns[f] ?? -1] ?? f;
    this.issues!.add(rowIssue(this.row, name, code, vi, en));
  }

  private period(kpi: KpiInfo | undefined): Period | null {
    const periodText = this.text(this.col.period);
    const field: ActualField = periodText !== '' || this.o.columns.date === undefined ? 'period' : 'date';
    const cell = field === 'period' ? periodText : this.text(this.col.date);
    if (!cell) {
      this.report(field, 'required', 'thiếu kỳ hoặc ngày.', 'the period or date is missing.');
      return null;
    }
    const kind = kpi?.frequency ? periodKindOf(kpi.frequency) : null;
    const parsed = this.periodCache.parse(cell, kind);
    if (!parsed.ok) {
      if (parsed.reason === 'impossible_date') this.report(field, 'impossible_date', `ngày "${cell}" không tồn tại.`, `the date "${cell}" does not exist.`);
      else if (parsed.reason === 'no_frequency') this.report(field, 'no_frequency', 'KPI chưa có tần suất đo, hãy ghi kỳ (ví dụ 2026-03) thay vì ngày.', 'the KPI has no frequency: give a period (e.g. 2026-03) instead of a date.');
      else this.report(field, 'invalid_period', `"${cell}" không phải kỳ hợp lệ (2026, 2026-Q1, 2026-03, 2026-W05) hay ngày (dd/mm/yyyy, yyyy-mm-dd).`, `"${cell}" is not a valid period (2026, 2026-Q1, 2026-03, 2026-W05) or date (dd/mm/yyyy, yyyy-mm-dd).`);
      return null;
    }
    if (!kpi) return null;
    const p = parsed.period;
    if (kind !== null && p.kind !== kind) {
      this.report(field, 'wrong_period_kind', `KPI ${kpi.code} đo theo ${KIND_VI[kind]} nhưng kỳ "${cell}" là một ${KIND_VI[p.kind as keyof typeof KIND_VI]}.`, `KPI ${kpi.code} is measured per ${kind} but "${cell}" is a ${p.kind}.`);
      return null;
    }
    return this.periodCache.shared(p);
  }

  private scope(): ImportScope | null {
    const { lookups } = this.o;
    let unitCode = this.text(this.col.unit);
    let email = this.text(this.col.person).toLowerCase();
    const scopeText = this.text(this.col.scope);
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
        this.report(personField, 'unknown_person', `không có nhân sự với email ${email}.`, `there is no person with email ${email}.`);
        return null;
      }
      if (unitCode) {
        const unit = lookups.units.get(upperCase(unitCode));
        if (unit && unit.id !== person.unitId) {
          this.report(unitField, 'scope_mismatch', `nhân sự ${email} không thuộc phòng ban ${unitCode}.`, `person ${email} is not in unit ${unitCode}.`);
          return null;
        }
      }
      result = this.sharedScope('person', person.id);
      unitId = person.unitId;
    } else if (unitCode) {
      const unit = lookups.units.get(upperCase(unitCode));
      if (!unit) {
        this.report(unitField, 'unknown_unit', `không có phòng ban mã "${unitCode}".`, `there is no org unit with code "${unitCode}".`);
        return null;
      }
      if (unit.archived) {
        this.report(unitField, 'archived_unit', `phòng ban "${unitCode}" đã lưu trữ.`, `org unit "${unitCode}" is archived.`);
        return null;
      }
      result = this.sharedScope('unit', unit.id);
      unitId = unit.id;
    }
    const allowed = lookups.writableUnits === 'all' || (unitId !== null && lookups.writableUnits.has(unitId));
    if (!allowed) {
      const f: ActualField = result.type === 'person' ? personField : unitField;
      this.report(
        f,
        'forbidden_scope',
        result.type === 'company' ? 'chỉ quản trị viên được nhập số liệu cấp công ty.' : 'phạm vi này nằm ngoài phòng ban bạn quản lý.',
        result.type === 'company' ? 'only admins may import company-level actuals.' : 'this scope is outside the units you manage.',
      );
      return null;
    }
    return result;
  }

  private late(period: Period, days: number | null): boolean {
    if (days === null) return false;
    let byDays = this.lateness.get(period);
    if (!byDays) this.lateness.set(period, (byDays = new Map()));
    let late = byDays.get(days);
    if (late === undefined) byDays.set(days, (late = isLate(period.end, days, this.o.today)));
    return late;
  }

  private sharedScope(type: Exclude<ScopeType, 'company'>, id: number): ImportScope {
    const scopes = type === 'unit' ? this.unitScopes : this.personScopes;
    const known = scopes.get(id);
    if (known) return known;
    const s: ImportScope = { type, id };
    scopes.set(id, s);
    return s;
  }

  /** Reads the value (or numerator and denominator) into `value`/`numerator`/`denominator`; false after reporting. */
  private values(kpi: KpiInfo): boolean {
    if (kpi.aggregation === 'ratio') {
      const n = this.num(kpi, 'numerator', false);
      const d = this.num(kpi, 'denominator', false);
      if (n === null) this.report('numerator', 'required', `KPI tỷ lệ ${kpi.code} cần tử số.`, `ratio KPI ${kpi.code} needs a numerator.`);
      if (d === null) this.report('denominator', 'required', `KPI tỷ lệ ${kpi.code} cần mẫu số.`, `ratio KPI ${kpi.code} needs a denominator.`);
      else if (d !== undefined && d <= 0) this.report('denominator', 'denominator_not_positive', 'mẫu số phải lớn hơn 0.', 'the denominator must be greater than 0.');
      if (n == null || d == null || d <= 0) return false;
      this.value = n / d;
      this.numerator = n;
      this.denominator = d;
      return true;
    }
    const v = this.num(kpi, 'value', kpi.unit === '%');
    if (v === null) this.report('value', 'required', 'thiếu giá trị thực hiện.', 'the actual value is missing.');
    this.rejectRatioCell(kpi, 'numerator');
    this.rejectRatioCell(kpi, 'denominator');
    if (v == null) return false;
    this.value = v;
    this.numerator = null;
    this.denominator = null;
    return true;
  }

  private rejectRatioCell(kpi: KpiInfo, f: 'numerator' | 'denominator'): void {
    const c = this.raw(this.col[f]);
    if (c !== '' && String(c).trim() !== '') this.report(f, 'not_ratio', `KPI ${kpi.code} không phải KPI tỷ lệ, không có tử số/mẫu số.`, `KPI ${kpi.code} is not a ratio KPI and takes no numerator/denominator.`);
  }

  /** A number cell: its value, null when empty, undefined after reporting why it is not a number. */
  private num(kpi: KpiInfo, f: 'value' | 'numerator' | 'denominator', allowPercent: boolean): number | null | undefined {
    const c = this.raw(f === 'value' ? this.col.value : f === 'numerator' ? this.col.numerator : this.col.denominator);
    if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
    const t = c.trim();
    if (t === '') return null;
    const decimal = this.o.decimal;
    const parsed = parseNumberCell(t, decimal);
    if (!parsed.ok) {
      if (parsed.reason === 'ambiguous') {
        this.report(f, 'ambiguous_number', `"${t}" có thể là ${t.replace(/[.,]/, '')} hoặc ${t.replace(/[.,]/, ',')}: hãy chọn dấu thập phân cho tệp (--decimal comma|dot).`, `"${t}" could be ${t.replace(/[.,]/, '')} or ${t.replace(/[.,]/, '.')}: choose the file's decimal separator (--decimal comma|dot).`);
      } else if (parsed.reason === 'wrong_style') {
        const shape = numberShape(t);
        const style = shape.kind === 'decisive' ? shape.style : decimal;
        this.report(f, 'decimal_conflict', `"${t}" viết theo kiểu ${style === 'comma' ? '1.234,5' : '1,234.5'}, khác với phần còn lại của tệp (${decimal === 'comma' ? '1.234,5' : '1,234.5'}).`, `"${t}" is written as ${style === 'comma' ? '1.234,5' : '1,234.5'}, unlike the rest of the file (${decimal === 'comma' ? '1.234,5' : '1,234.5'}).`);
      } else {
        this.report(f, 'not_a_number', `"${t}" không phải là số.`, `"${t}" is not a number.`);
      }
      return undefined;
    }
    if (parsed.percent && !allowPercent) {
      this.report(f, 'unexpected_percent', `KPI ${kpi.code} không đo bằng %, không dùng dấu %.`, `KPI ${kpi.code} is not measured in %, so no % sign.`);
      return undefined;
    }
    return parsed.value;
  }
}

const KIND_VI = { year: 'năm', quarter: 'quý', month: 'tháng', week: 'tuần', custom: 'kỳ tùy chỉnh' } as const;
