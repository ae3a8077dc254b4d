import { describe, expect, it } from 'vitest';
import { companyToday } from './company-today';
import { DuplicateSlots } from './duplicate-slots';
import { recomputePlan } from './formula-dependents';
import {
  commentProblem,
  denominatorProblem,
  kpiProblem,
  numberProblem,
  percentProblem,
  periodKindProblem,
  personProblem,
  unitProblem,
  type IntakeKpi,
} from './intake';
import { periodFor, problemIssue, takeActual } from './take-actual';

const REV: IntakeKpi = { id: 1, code: 'REV', frequency: 'monthly', aggregation: 'sum', unit: 'VND', source: 'manual', status: 'active', reportWithinDays: 5 };
const codeOf = (p: { code: string } | null) => p?.code ?? null;

describe('this KPI takes a value', () => {
  it('refuses an unknown, a computed and an archived KPI, one code each', () => {
    expect(kpiProblem(REV, 'REV')).toBeNull();
    expect(kpiProblem(undefined, 'NOPE')).toMatchObject({ field: 'kpi', code: 'unknown_kpi', en: 'there is no KPI with code "NOPE".' });
    expect(codeOf(kpiProblem({ ...REV, source: 'formula' }, 'REV'))).toBe('computed_kpi');
    expect(codeOf(kpiProblem({ ...REV, status: 'archived' }, 'REV'))).toBe('archived_kpi');
    // A draft KPI takes values (only archived ones do not).
    expect(kpiProblem({ ...REV, status: 'draft' }, 'REV')).toBeNull();
  });
});

describe('this KPI takes a value for this period', () => {
  it('takes periods of its frequency only; a KPI without frequency takes any', () => {
    expect(periodFor(REV, '2026-03')).toEqual({ ok: true, period: { kind: 'month', key: '2026-03', start: '2026-03-01', end: '2026-03-31' } });
    const q = periodFor(REV, '2026-Q1');
    expect(q.ok ? null : [q.problem.field, q.problem.code]).toEqual(['period', 'wrong_period_kind']);
    const bad = periodFor(REV, '2026-13');
    expect(bad.ok ? null : bad.problem.code).toBe('invalid_period');
    expect(periodKindProblem({ ...REV, frequency: null }, 'quarter', '2026-Q1')).toBeNull();
    expect(periodKindProblem({ ...REV, frequency: 'weekly' }, 'week', '2026-W05')).toBeNull();
  });
});

describe('this KPI takes a value here', () => {
  it('refuses an unknown or archived unit and an unknown person', () => {
    expect(unitProblem({ archived: false }, 'KD')).toBeNull();
    expect(codeOf(unitProblem(undefined, 'XX'))).toBe('unknown_unit');
    expect(codeOf(unitProblem({ archived: true }, 'OLD'))).toBe('archived_unit');
    expect(personProblem({ id: 3 }, 'an@x.vn')).toBeNull();
    expect(codeOf(personProblem(undefined, 'ghost@x.vn'))).toBe('unknown_person');
  });
});

describe('the value', () => {
  it('accepts 0 and magnitudes from 10^-9 to 10^15, nothing else', () => {
    for (const x of [0, 1e15, -1e15, 1e-9, -1e-9, 1234.5]) expect(numberProblem('value', x)).toBeNull();
    expect(codeOf(numberProblem('value', 1e15 + 1))).toBe('too_big');
    expect(codeOf(numberProblem('value', -1e15 - 1))).toBe('too_small');
    expect(codeOf(numberProblem('numerator', 1e-10))).toBe('too_small');
    expect(codeOf(numberProblem('value', Number.NaN))).toBe('not_a_number');
    expect(codeOf(numberProblem('value', Number.NEGATIVE_INFINITY))).toBe('too_small');
  });

  it('takes a denominator from 10^-6 to 10^15', () => {
    expect(denominatorProblem(1e-6)).toBeNull();
    expect(denominatorProblem(1e15)).toBeNull();
    expect(codeOf(denominatorProblem(0))).toBe('too_small');
    expect(codeOf(denominatorProblem(9e-7))).toBe('too_small');
    expect(codeOf(denominatorProblem(2e15))).toBe('too_big');
  });

  it('allows a % sign only on the value of a KPI measured in %', () => {
    expect(percentProblem('value', { ...REV, unit: '%' })).toBeNull();
    expect(codeOf(percentProblem('value', REV))).toBe('unexpected_percent');
    expect(codeOf(percentProblem('numerator', { ...REV, unit: '%', aggregation: 'ratio' }))).toBe('unexpected_percent');
  });

  it('takes a comment of at most 2,000 characters of clean text', () => {
    expect(commentProblem('x'.repeat(2000))).toBeNull();
    expect(codeOf(commentProblem('x'.repeat(2001)))).toBe('too_long');
    expect(codeOf(commentProblem('a\u0000b'))).toBe('invalid_text');
    expect(codeOf(commentProblem('half \uD800 pair'))).toBe('invalid_text');
  });
});

describe('the same slot twice', () => {
  it('finds the first entry of a KPI, period and scope; other KPIs, periods or scopes are not duplicates', () => {
    const slots = new DuplicateSlots<string, string>();
    expect(slots.firstOf(1, '2026-03', 'company', 0)).toBeUndefined();
    expect(slots.firstOf(2, '2026-03', 'company', 1)).toBeUndefined();
    expect(slots.firstOf(1, '2026-04', 'company', 2)).toBeUndefined();
    expect(slots.firstOf(1, '2026-03', 'unit:7', 3)).toBeUndefined();
    expect(slots.firstOf(1, '2026-03', 'company', 4)).toBe(0);
    expect(slots.firstOf(1, '2026-03', 'unit:7', 5)).toBe(3);
  });
});

describe('lateness and company today', () => {
  // REV: March ends 31/03, + 5 days → Sunday 05/04 → deadline Monday 06/04 (company time, Asia/Ho_Chi_Minh = UTC+7).
  const hcm = { timezone: 'Asia/Ho_Chi_Minh' };
  const take = (now: string) => takeActual(REV, { period: '2026-03', value: 1 }, companyToday(hcm, new Date(now)));

  it('is on time at 23:59:59 on the deadline day and late at 00:00:00 the next day, company time', () => {
    // 2026-04-06T16:59:59Z = 23:59:59 on 06/04 in Hồ Chí Minh
    expect(take('2026-04-06T16:59:59Z')).toMatchObject({ ok: true, late: false });
    // 2026-04-06T17:00:00Z = 00:00:00 on 07/04 in Hồ Chí Minh, still 06/04 in UTC
    expect(take('2026-04-06T17:00:00Z')).toMatchObject({ ok: true, late: true });
  });

  it('takes the date in the company time zone, not UTC: 23:30 UTC is already tomorrow in Hồ Chí Minh', () => {
    const now = new Date('2026-04-05T23:30:00Z');
    expect(companyToday({ timezone: 'UTC' }, now)).toBe('2026-04-05');
    expect(companyToday(hcm, now)).toBe('2026-04-06'); // 06:30 on 06/04
    // 23:30 on 05/04 in Hồ Chí Minh = 16:30 UTC on 05/04
    expect(companyToday(hcm, new Date('2026-04-05T16:30:00Z'))).toBe('2026-04-05');
    // No company or no time zone: Asia/Ho_Chi_Minh.
    expect(companyToday(null, now)).toBe('2026-04-06');
    expect(companyToday({ timezone: '' }, now)).toBe('2026-04-06');
  });
});

describe('takeActual (a check-in or an API item)', () => {
  it('gives what to store, with the trimmed comment', () => {
    expect(takeActual(REV, { period: '2026-03', value: 1000, comment: '  Theo sổ cái ' }, '2026-04-02')).toEqual({
      ok: true,
      period: { kind: 'month', key: '2026-03', start: '2026-03-01', end: '2026-03-31' },
      value: 1000,
      numerator: null,
      denominator: null,
      comment: 'Theo sổ cái',
      late: false,
    });
  });

  it('reports every problem of an item; a KPI that takes no values is the only one', () => {
    const bad = takeActual(REV, { period: '2026-Q1', value: 2e15, comment: 'x'.repeat(2001) }, '2026-04-02');
    expect(bad.ok ? [] : bad.problems.map((p) => [p.field, p.code])).toEqual([
      ['period', 'wrong_period_kind'],
      ['value', 'too_big'],
      ['comment', 'too_long'],
    ]);
    const computed = takeActual({ ...REV, source: 'formula' }, { period: '2026-Q1', value: 1 }, '2026-04-02');
    expect(computed.ok ? [] : computed.problems.map((p) => p.code)).toEqual(['computed_kpi']);
  });

  it('turns a problem into a JSON issue: path under the prefix, message as a sentence', () => {
    const p = unitProblem(undefined, '#9')!;
    expect(problemIssue(p, 'actuals.2.')).toEqual({
      path: 'actuals.2.scope.id',
      code: 'unknown_unit',
      message: { vi: 'Không có phòng ban "#9".', en: 'There is no org unit "#9".' },
    });
  });
});

describe('recomputePlan', () => {
  // PROFIT = REV − COST, MARGIN = PROFIT / REV, AOV = REV / ORDERS, HEADS = [STAFF]
  const graph = { PROFIT: ['REV', 'COST'], MARGIN: ['PROFIT', 'REV'], AOV: ['REV', 'ORDERS'], HEADS: ['STAFF'] };

  it('recomputes only the dependents of what changed, in dependency order, with their inputs', () => {
    const cost = recomputePlan(graph, ['COST']);
    expect(cost.order).toEqual(['PROFIT', 'MARGIN']);
    expect(cost.inputs.sort()).toEqual(['COST', 'REV']);
    const rev = recomputePlan(graph, ['REV']);
    expect(rev.order.indexOf('PROFIT')).toBeLessThan(rev.order.indexOf('MARGIN'));
    expect(rev.order.sort()).toEqual(['AOV', 'MARGIN', 'PROFIT']);
    expect(rev.inputs.sort()).toEqual(['COST', 'ORDERS', 'REV']);
    expect(recomputePlan(graph, ['LEADS'])).toEqual({ order: [], inputs: [] });
  });

  it('recomputes nothing on a cycle (formulas with one are refused when saved)', () => {
    expect(recomputePlan({ A: ['B', 'X'], B: ['A'] }, ['X'])).toEqual({ order: [], inputs: [] });
  });
});
