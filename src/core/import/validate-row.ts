import type { WorkingCalendar } from '../calendar';
import {
  DuplicateSlots,
  commentProblem,
  denominatorProblem,
  duplicateProblem,
  isLate,
  kpiProblem,
  missingProblem,
  notRatioProblem,
  numberProblem,
  percentProblem,
  periodKindOf,
  periodKindProblem,
  personProblem,
  ratioProblem,
  unitProblem,
  type IntakeKpi,
  type IntakeProblem,
} from '../actuals';
import type { IsoDate, Period } from '../period';
import { anyFilledFrom, anyTextIncludes, isBlank, upperCase } from './cells';
import { FIELD_LABELS, normalizeHeader, type ActualField, type ColumnIndex } from './headers';
import { FORMULA_CELL_MESSAGE, isFormulaCell } from './formula-cells';
import { rowIssue, type IssueList, type RowIssueCode } from './issues';
import { numberShape, parseNumberCell, type DecimalStyle } from './numbers';
import { PeriodCache } from './period-cache';

/** A cell as read: text, or a number from a numeric XLSX cell (dates arrive as ISO text). */
export type Cell = string | number;

/** A KPI as the import looks it up: what the intake rules need. */
export type KpiInfo = IntakeKpi;

export interface ImportLookups {
  /** By upper-case code. */
  kpis: ReadonlyMap<string, KpiInfo>;
  /** By upper-case code. */
  units: ReadonlyMap<string, { id: number; archived: boolean }>;
  /** By lower-case email. */
  people: ReadonlyMap<string, { id: number; unitId: number }>;
  /** Units whose unit and person rows the importer may write: `all` or a unit subtree (managers). */
  writableUnits: 'all' | ReadonlySet<number>;
  /** KPIs whose company-level rows the importer may write (admins: all; others: those they own, measure or manage). */
  companyKpis: 'all' | ReadonlySet<number>;
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
  /** The company's working calendar, for the reporting deadline (Monday–Friday without it). */
  calendar?: WorkingCalendar | undefined;
  /** For CSV: the delimiter not used, to recognise rows written with the other one. */
  otherDelimiter?: string | null;
}

export { MAX_COMMENT_LENGTH } from '../actuals';
const COMPANY: ImportScope = { type: 'company', id: null };
const COMPANY_WORDS = new Set(['company', 'congty', 'toancongty']);

type ScopeType = ImportScope['type'];

/**
 * Checks rows one at a time (so a million rows stream through) and reports every problem of every row.
 * Reading the cells (numbers, dates, scopes by code or email) is the import's own; whether the actual is
 * accepted is decided by the intake rules of `core/actuals` that check-ins and API pushes call too.
 * Periods and scopes are shared objects, so duplicates are found by object identity, without building keys.
 *
 * Hot path: `check` runs once per row, so it creates no closures (tsx wraps each one in `__name`) and no
 * per-row strings or arrays; the row being checked lives in fields the private methods read.
 */
export class ActualRowValidator {
  private readonly duplicates = new DuplicateSlots<Period, ImportScope>();
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
  /** The column the period was read from (`period` or `date`), for problems about the period. */
  private periodField: ActualField = 'period';

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
    else this.problem(kpiProblem(kpi, code), 'kpi');
    const knownKpi = kpi && !this.bad ? kpi : undefined;

    const period = this.period(knownKpi);
    const scope = this.scope(knownKpi?.id);
    const values = knownKpi ? this.values(knownKpi) : false;

    const comment = this.text(this.col.comment);
    if (comment !== '') this.problem(commentProblem(comment), 'comment');

    if (this.bad || !kpi || !period || !scope || !values) return null;

    const first = this.duplicates.firstOf(kpi.id, period, scope, row);
    if (first !== undefined) {
      this.problem(duplicateProblem({ vi: `dòng ${first}`, en: `row ${first}` }), this.periodField);
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
    // The user's own header for the column; the field's label when the file has no such column.
    const header = this.o.headers[this.o.columns[f] ?? -1]?.trim();
    const name = header ? header : FIELD_LABELS[f];
    this.issues!.add(rowIssue(this.row, name, code, vi, en));
  }

  /** Reports an intake problem (if any) on column `f`; true when there was one. */
  private problem(p: IntakeProblem | null, f: ActualField): boolean {
    if (p === null) return false;
    this.report(f, p.code, p.vi, p.en);
    return true;
  }

  private period(kpi: KpiInfo | undefined): Period | null {
    const periodText = this.text(this.col.period);
    const field: ActualField = periodText !== '' || this.o.columns.date === undefined ? 'period' : 'date';
    this.periodField = field;
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
    if (kind !== null && p.kind !== kind && this.problem(periodKindProblem(kpi, p.kind, cell), field)) return null;
    return this.periodCache.shared(p);
  }

  private scope(kpiId: number | undefined): ImportScope | null {
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
        this.problem(personProblem(person, email), personField);
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
      if (!unit || unit.archived) {
        this.problem(unitProblem(unit, unitCode), unitField);
        return null;
      }
      result = this.sharedScope('unit', unit.id);
      unitId = unit.id;
    }
    const allowed =
      result.type === 'company'
        ? lookups.companyKpis === 'all' || (kpiId !== undefined && lookups.companyKpis.has(kpiId))
        : lookups.writableUnits === 'all' || (unitId !== null && lookups.writableUnits.has(unitId));
    if (!allowed) {
      const f: ActualField = result.type === 'person' ? personField : unitField;
      this.report(
        f,
        'forbidden_scope',
        result.type === 'company'
          ? 'số liệu cấp công ty của KPI này chỉ do người chịu trách nhiệm, người đo lường hoặc quản lý phòng ban sở hữu KPI nhập.'
          : 'phạm vi này nằm ngoài phòng ban bạn quản lý.',
        result.type === 'company'
          ? "company-level actuals of this KPI are entered by its owner, its measurer or the manager of the unit that owns it."
          : 'this scope is outside the units you manage.',
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
    if (late === undefined) byDays.set(days, (late = isLate(period.end, days, this.o.today, this.o.calendar)));
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
      const n = this.num(kpi, 'numerator');
      const d = this.num(kpi, 'denominator');
      let ok = true;
      if (n === null) ok = !this.problem(missingProblem('numerator', kpi), 'numerator');
      else if (n === undefined || this.problem(numberProblem('numerator', n), 'numerator')) ok = false;
      if (d === null) ok = !this.problem(missingProblem('denominator', kpi), 'denominator');
      else if (d === undefined || this.problem(denominatorProblem(d), 'denominator')) ok = false;
      if (!ok || n == null || d == null || this.problem(ratioProblem(n, d), 'numerator')) return false;
      this.value = n / d;
      this.numerator = n;
      this.denominator = d;
      return true;
    }
    const v = this.num(kpi, 'value');
    if (v === null) this.problem(missingProblem('value', kpi), 'value');
    const outOfRange = v != null && this.problem(numberProblem('value', v), 'value');
    this.rejectRatioCell(kpi, 'numerator');
    this.rejectRatioCell(kpi, 'denominator');
    if (v == null || outOfRange) return false;
    this.value = v;
    this.numerator = null;
    this.denominator = null;
    return true;
  }

  private rejectRatioCell(kpi: KpiInfo, f: 'numerator' | 'denominator'): void {
    const c = this.raw(this.col[f]);
    if (c !== '' && String(c).trim() !== '') this.problem(notRatioProblem(f, kpi), f);
  }

  /** A number cell: its value, null when empty, undefined after reporting why it is not a number (its range is the caller's). */
  private num(kpi: KpiInfo, f: 'value' | 'numerator' | 'denominator'): number | null | undefined {
    const c = this.raw(f === 'value' ? this.col.value : f === 'numerator' ? this.col.numerator : this.col.denominator);
    if (typeof c === 'number') return c;
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
    if (parsed.percent && this.problem(percentProblem(f, kpi), f)) return undefined;
    return parsed.value;
  }
}
