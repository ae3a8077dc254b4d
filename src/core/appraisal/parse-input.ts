import { issue, type Issue, type Localized } from '../errors';
import { isCleanText, isInputValue } from '../limits';
import { parseAmount } from '../number/amount';
import { sheetError } from './errors';
import { MISSING_MODES, type AppraisalInput, type BonusRule, type GradeBand, type SheetGroup, type SheetItem } from './types';

const MAX_GROUPS = 100;
const MAX_ITEMS = 1000;
const MAX_CODE = 100;

const TOP_KEYS = ['groups', 'missing', 'bands', 'bonus'];
const GROUP_KEYS = ['code', 'weight', 'items'];
const KPI_KEYS = ['code', 'weight', 'direction', 'method', 'target', 'actual', 'baseline', 'floor', 'cap'];
const RATED_KEYS = ['code', 'weight', 'scale', 'rating'];
const BAND_KEYS = ['grade', 'min'];
const BONUS_KEYS = ['base', 'rate', 'coefficients', 'round'];

/** Where a value is: its dotted path and how to name it in a sentence. */
interface Place {
  path: string;
  label: Localized;
}

const field = (place: Place, key: string | number): Place => ({
  path: place.path === '' ? String(key) : `${place.path}.${key}`,
  label: place.path === '' ? { vi: `"${key}"`, en: `"${key}"` } : { vi: `${place.label.vi}, trường "${key}"`, en: `${place.label.en}, field "${key}"` },
});

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value === 'object' ? 'object' : String(value));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an evaluation sheet from the value of a parsed JSON or YAML file. Refuses unknown fields, wrong types and
 * numbers outside the accepted ranges (|x| ≤ 10^15, no 1e308, no NaN) with the field's path; money fields
 * (`target`, `actual`, `baseline`, `bonus.base`, `bonus.round`) also take amounts as people type them
 * (`"5 triệu"`, `"1,5 tỷ"`). Weights, totals and ratings are checked by `appraise`.
 */
export function parseAppraisalInput(raw: unknown): AppraisalInput {
  const issues: Issue[] = [];
  const problem = (place: Place, code: string, vi: string, en: string) => issues.push(issue(place.path || '(sheet)', code, vi, en));
  const root: Place = { path: '', label: { vi: 'phiếu', en: 'sheet' } };

  const object = (value: unknown, place: Place, keys: readonly string[]): Record<string, unknown> | null => {
    if (!isRecord(value)) {
      problem(place, 'APPRAISAL_SHEET_INVALID', `${cap(place.label.vi)} phải là một đối tượng (nhận được: ${show(value)})`, `${cap(place.label.en)} must be an object (got: ${show(value)})`);
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) {
        problem(field(place, key), 'APPRAISAL_UNKNOWN_FIELD', `${cap(place.label.vi)}: trường "${key}" không có trong định dạng (dùng: ${keys.join(', ')})`, `${cap(place.label.en)}: unknown field "${key}" (use: ${keys.join(', ')})`);
      }
    }
    return value;
  };

  const text = (value: unknown, place: Place): string => {
    if (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_CODE && isCleanText(value)) return value.trim();
    problem(place, 'APPRAISAL_TEXT_INVALID', `${cap(place.label.vi)} phải là chữ, không rỗng, tối đa ${MAX_CODE} ký tự (nhận được: ${show(value)})`, `${cap(place.label.en)} must be text, not empty, at most ${MAX_CODE} characters (got: ${show(value)})`);
    return '';
  };

  /** A number in range; `amount` also takes typed amounts; `optional` lets undefined/null through as null. */
  const number = (value: unknown, place: Place, opts: { amount?: boolean; optional?: boolean } = {}): number | null => {
    if ((value === undefined || value === null) && opts.optional) return null;
    let n: number = Number.NaN;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string' && opts.amount) {
      const parsed = parseAmount(value);
      if (parsed.ok) n = parsed.value;
    }
    if (isInputValue(n)) return n;
    const hint = opts.amount ? { vi: ' (ví dụ 5000000 hoặc "5 triệu")', en: ' (e.g. 5000000 or "5 triệu")' } : { vi: '', en: '' };
    problem(
      place,
      'APPRAISAL_NUMBER_INVALID',
      `${cap(place.label.vi)} phải là một số hữu hạn, 0 hoặc có độ lớn từ 1e-9 đến 1e15${hint.vi} (nhận được: ${show(value)})`,
      `${cap(place.label.en)} must be a finite number, 0 or of magnitude 1e-9 to 1e15${hint.en} (got: ${show(value)})`,
    );
    return null;
  };

  const oneOf = <T extends string>(value: unknown, place: Place, allowed: readonly T[]): T | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    problem(place, 'APPRAISAL_CHOICE_INVALID', `${cap(place.label.vi)} phải là một trong: ${allowed.join(', ')} (nhận được: ${show(value)})`, `${cap(place.label.en)} must be one of: ${allowed.join(', ')} (got: ${show(value)})`);
    return undefined;
  };

  const list = (value: unknown, place: Place, max: number): unknown[] => {
    if (Array.isArray(value) && value.length <= max) return value;
    problem(place, 'APPRAISAL_SHEET_INVALID', `${cap(place.label.vi)} phải là một danh sách tối đa ${max} phần tử (nhận được: ${show(value)})`, `${cap(place.label.en)} must be a list of at most ${max} entries (got: ${show(value)})`);
    return [];
  };

  const item = (value: unknown, path: string, index: number, groupCode: string): SheetItem | null => {
    const place: Place = { path, label: { vi: `mục ${index + 1} của nhóm "${groupCode}"`, en: `item ${index + 1} of group "${groupCode}"` } };
    const rated = isRecord(value) && 'scale' in value;
    const o = object(value, place, rated ? RATED_KEYS : KPI_KEYS);
    if (!o) return null;
    const code = text(o.code, field(place, 'code'));
    const named: Place = { path, label: { vi: `mục "${code}" của nhóm "${groupCode}"`, en: `item "${code}" of group "${groupCode}"` } };
    const weight = number(o.weight, field(named, 'weight')) ?? Number.NaN;
    if (rated) {
      const scale = number(o.scale, field(named, 'scale')) ?? Number.NaN;
      const rating = number(o.rating, field(named, 'rating'), { optional: true });
      return { kind: 'rated', code, weight, scale, rating };
    }
    if (o.direction === undefined) {
      problem(named, 'APPRAISAL_ITEM_KIND', `${cap(named.label.vi)} cần "direction" (mục KPI) hoặc "scale" (mục chấm theo thang)`, `${cap(named.label.en)} needs "direction" (a KPI item) or "scale" (a rated item)`);
      return null;
    }
    const direction = oneOf(o.direction, field(named, 'direction'), ['increase', 'decrease'] as const) ?? 'increase';
    const out: SheetItem = { kind: 'kpi', code, weight, direction };
    const method = oneOf(o.method, field(named, 'method'), ['ratio', 'progress', 'binary'] as const);
    if (method) out.method = method;
    for (const key of ['target', 'actual', 'baseline'] as const) {
      if (o[key] !== undefined) out[key] = number(o[key], field(named, key), { amount: true, optional: true });
    }
    for (const key of ['floor', 'cap'] as const) {
      if (o[key] !== undefined) out[key] = number(o[key], field(named, key)) ?? Number.NaN;
    }
    return out;
  };

  const group = (value: unknown, place: Place): SheetGroup | null => {
    const o = object(value, place, GROUP_KEYS);
    if (!o) return null;
    const code = text(o.code, field(place, 'code'));
    const named: Place = { path: place.path, label: { vi: `nhóm "${code}"`, en: `group "${code}"` } };
    const items = list(o.items, field(named, 'items'), MAX_ITEMS)
      .map((v, i) => item(v, `${place.path}.items.${i}`, i, code))
      .filter((x): x is SheetItem => x !== null);
    return { code, weight: number(o.weight, field(named, 'weight')) ?? Number.NaN, items };
  };

  const band = (value: unknown, place: Place): GradeBand | null => {
    const o = object(value, place, BAND_KEYS);
    if (!o) return null;
    return { grade: text(o.grade, field(place, 'grade')), min: number(o.min, field(place, 'min')) ?? Number.NaN };
  };

  const bonus = (value: unknown, place: Place): BonusRule | null => {
    const o = object(value, place, BONUS_KEYS);
    if (!o) return null;
    const rule: BonusRule = { base: number(o.base, field(place, 'base'), { amount: true }) ?? Number.NaN };
    if (o.rate !== undefined) rule.rate = number(o.rate, field(place, 'rate')) ?? Number.NaN;
    if (o.round !== undefined) rule.round = number(o.round, field(place, 'round'), { amount: true }) ?? Number.NaN;
    if (o.coefficients === 'score') rule.coefficients = 'score';
    else if (o.coefficients !== undefined) {
      const at = field(place, 'coefficients');
      if (isRecord(o.coefficients)) {
        // Each key is a grade, each value its coefficient.
        rule.coefficients = Object.fromEntries(Object.entries(o.coefficients).map(([grade, c]) => [grade, number(c, field(at, grade)) ?? Number.NaN]));
      } else {
        problem(at, 'APPRAISAL_SHEET_INVALID', `${cap(at.label.vi)} phải là "score" hoặc bảng hệ số theo xếp loại, ví dụ {"A": 1.5} (nhận được: ${show(o.coefficients)})`, `${cap(at.label.en)} must be "score" or a table of coefficients per grade, e.g. {"A": 1.5} (got: ${show(o.coefficients)})`);
      }
    }
    return rule;
  };

  const o = object(raw, root, TOP_KEYS);
  if (!o) throw sheetError(issues);
  const input: AppraisalInput = {
    groups: list(o.groups, field(root, 'groups'), MAX_GROUPS)
      .map((g, i) => group(g, { path: `groups.${i}`, label: { vi: `nhóm ${i + 1}`, en: `group ${i + 1}` } }))
      .filter((g): g is SheetGroup => g !== null),
  };
  const missing = oneOf(o.missing, field(root, 'missing'), MISSING_MODES);
  if (missing) input.missing = missing;
  if (o.bands !== undefined) {
    input.bands = list(o.bands, field(root, 'bands'), MAX_GROUPS)
      .map((b, i) => band(b, { path: `bands.${i}`, label: { vi: `mức xếp loại ${i + 1}`, en: `grade band ${i + 1}` } }))
      .filter((b): b is GradeBand => b !== null);
  }
  if (o.bonus !== undefined) {
    const rule = bonus(o.bonus, { path: 'bonus', label: { vi: 'thưởng', en: 'bonus' } });
    if (rule) input.bonus = rule;
  }
  if (issues.length > 0) throw sheetError(issues);
  return input;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
