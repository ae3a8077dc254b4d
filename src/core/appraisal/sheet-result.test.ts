import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from './grade';
import { FLAT_KIND, scoreFlat } from './score-flat';
import { roundScore } from './round-score';
import { personCycleResult, sheetResult, type ResultCycle, type ResultItem, type ResultSheet } from './sheet-result';
import { parentsFirst, unitMeans } from './unit-means';
import { ValueLocks } from './value-lock';

const Q1: ResultCycle = { startsOn: '2026-01-01', endsOn: '2026-03-31', missing: 'renormalize', bands: DEFAULT_BANDS };
const TABLE = { rate: 1, coefficients: { A: 1.5, B: 1.2, C: 1, D: 0.5 }, round: 1000 };

const kpi = (code: string, group: string, weight: number, target: number | null, actual: number | null, extra: Partial<ResultItem> = {}): ResultItem =>
  ({ kind: 'kpi', code, group, weight, direction: 'increase', method: { kind: 'ratio' }, target, actual, ...extra }) as ResultItem;
const rated = (code: string, group: string, weight: number, managerRating: number | null): ResultItem => ({ kind: 'rated', code, group, weight, scale: 5, managerRating });

/** The sheet of issue 11 §4. */
const ISSUE_SHEET: ResultSheet = {
  startsOn: '2026-01-01',
  endsOn: '2026-03-31',
  groups: [
    { code: 'output', weight: 60 },
    { code: 'behavior', weight: 20 },
    { code: 'competency', weight: 20 },
  ],
  items: [kpi('REV', 'output', 70, 1e9, 1.1e9, { cap: 1.2 }), kpi('NEW_CUST', 'output', 30, 20, 15), rated('ON_TIME', 'behavior', 100, 4), rated('PRODUCT', 'competency', 100, 3.5)],
  bonusBase: 5_000_000,
  calibratedGrade: null,
};

describe('personCycleResult: worked examples', () => {
  it('the issue sheet: output 0.995, final 0.897, grade C, bonus 5,000,000 × 1.0', () => {
    const r = personCycleResult(Q1, [ISSUE_SHEET], TABLE);
    expect(r.sheets[0]!.groups).toEqual([
      { code: 'output', score: 0.995 },
      { code: 'behavior', score: 0.8 },
      { code: 'competency', score: 0.7 },
    ]);
    expect(r.sheets[0]!.items.map((i) => [i.code, i.achievement, i.score])).toEqual([
      ['REV', 1.1, 1.1],
      ['NEW_CUST', 0.75, 0.75],
      ['ON_TIME', 0.8, 0.8],
      ['PRODUCT', 0.7, 0.7],
    ]);
    expect(r.sheets[0]!.days).toBe(90);
    expect(r).toMatchObject({ score: 0.897, grade: 'C', coefficient: 1, bonus: 5_000_000 });
  });

  it('a rated item waits for the manager: renormalized (0.597 + 0.14) ÷ 0.8 = 0.92125, or 0.737 in zero mode', () => {
    const sheet = { ...ISSUE_SHEET, items: ISSUE_SHEET.items.map((i) => (i.code === 'ON_TIME' ? rated('ON_TIME', 'behavior', 100, null) : i)) };
    expect(personCycleResult(Q1, [sheet], TABLE)).toMatchObject({ score: 0.92125, grade: 'C' });
    // zero: 0.6 × 0.995 + 0.2 × 0 + 0.2 × 0.7 = 0.737 → D, coefficient 0.5 → 2,500,000
    expect(personCycleResult({ ...Q1, missing: 'zero' }, [sheet], TABLE)).toMatchObject({ score: 0.737, grade: 'D', coefficient: 0.5, bonus: 2_500_000 });
  });

  it('two sheets, 60 days at 92 % and 30 days at 80 % → 88 %; the latest sheet gives the base and the calibrated grade', () => {
    const one = (startsOn: string, endsOn: string, actual: number, bonusBase: number, calibratedGrade: string | null = null): ResultSheet => ({
      startsOn,
      endsOn,
      groups: [{ code: 'output', weight: 100 }],
      items: [kpi('SALES', 'output', 100, 100, actual)],
      bonusBase,
      calibratedGrade,
    });
    // 2026-01-01 … 2026-03-01 is 31 + 28 + 1 = 60 days; 2026-03-02 … 2026-03-31 is 30 days.
    const sheets = [one('2026-01-01', '2026-03-01', 92, 4_000_000), one('2026-03-02', '2026-03-31', 80, 10_000_000)];
    const scoreMode = { rate: 1, coefficients: null, round: 1000 };
    const r = personCycleResult(Q1, sheets, scoreMode);
    expect(r.sheets.map((s) => [s.days, s.ownScore])).toEqual([
      [60, 0.92],
      [30, 0.8],
    ]);
    // score mode: coefficient = 0.88, bonus = 10,000,000 × 0.88
    expect(r).toMatchObject({ score: 0.88, grade: 'C', coefficient: 0.88, bonus: 8_800_000 });
    // Calibration moved the person to B: the grade table gives 1.2 → 12,000,000 (C would give 10,000,000).
    const calibrated = personCycleResult(Q1, [sheets[0]!, one('2026-03-02', '2026-03-31', 80, 10_000_000, 'B')], TABLE);
    expect(calibrated).toMatchObject({ score: 0.88, grade: 'B', coefficient: 1.2, bonus: 12_000_000 });
    expect(personCycleResult(Q1, sheets, TABLE)).toMatchObject({ grade: 'C', coefficient: 1, bonus: 10_000_000 });
  });

  it('no bonus rule in effect: a grade but no coefficient or bonus; nothing measured: no score at all', () => {
    expect(personCycleResult(Q1, [ISSUE_SHEET], null)).toMatchObject({ score: 0.897, grade: 'C', coefficient: null, bonus: null });
    const empty = { ...ISSUE_SHEET, items: ISSUE_SHEET.items.map((i) => (i.kind === 'kpi' ? { ...i, actual: null } : { ...i, managerRating: null })) };
    expect(personCycleResult(Q1, [empty], TABLE)).toMatchObject({ score: null, grade: null, coefficient: null, bonus: null });
  });

  it('a range KPI without a range method is not scored on a sheet; a sheet whose weights do not total 100 gets no score and says why', () => {
    // A scorecard scores such a KPI against the target's min and max; an item has one target, no range.
    const sheet = { ...ISSUE_SHEET, items: [kpi('TEMP', 'output', 100, 20, 21, { direction: 'range' }), rated('ON_TIME', 'behavior', 100, 4), rated('PRODUCT', 'competency', 100, 3.5)] };
    const r = sheetResult(Q1, sheet);
    expect(r.items[0]).toMatchObject({ code: 'TEMP', score: null, reason: 'unsupported-method' });
    // (0.2 × 0.8 + 0.2 × 0.7) ÷ 0.4 = 0.75
    expect(r.ownScore).toBe(0.75);
    const broken = sheetResult(Q1, { ...ISSUE_SHEET, groups: [{ code: 'output', weight: 60 }, { code: 'behavior', weight: 20 }, { code: 'competency', weight: 19.99 }] });
    expect(broken.ownScore).toBeNull();
    expect(broken.problems[0]).toContain('99.99');
  });

  it('bands and range KPIs are scored with their settings, as on the scorecard (docs/targets-and-scoring.md §3)', () => {
    const r = sheetResult(Q1, BANDS_RANGE_SHEET);
    expect(r.items).toEqual([
      { code: 'REV', group: 'output', achievement: 1.1, score: 1.1 },
      // 99 of 100 → achievement 0.99, in the ≥ 80 % band → score 0.8
      { code: 'ORDERS', group: 'output', achievement: 0.99, score: 0.8 },
      // 65 % against 40–60 % with tolerance 10 points → 1 − 5 ÷ 10 = 0.5 (a range KPI: direction range)
      { code: 'TEMP', group: 'behavior', achievement: 0.5, score: 0.5 },
      { code: 'PRODUCT', group: 'competency', achievement: 0.7, score: 0.7 },
    ]);
    // output 0.7 × 1.1 + 0.3 × 0.8 = 1.01; final 0.6 × 1.01 + 0.2 × 0.5 + 0.2 × 0.7 = 0.846
    expect(r.groups).toEqual([
      { code: 'output', score: 1.01 },
      { code: 'behavior', score: 0.5 },
      { code: 'competency', score: 0.7 },
    ]);
    expect(r.ownScore).toBe(0.846);
  });
});

/** Issue sheet with a bands item (ORDERS) and a range KPI (TEMP) in place of NEW_CUST and ON_TIME. */
const BANDS = { kind: 'bands', bands: [{ min: 0.8, score: 0.8 }, { min: 1, score: 1 }, { min: 1.2, score: 1.2 }] } as const;
const RANGE = { kind: 'range', min: 0.4, max: 0.6, tolerance: 0.1 } as const;
const BANDS_RANGE_SHEET: ResultSheet = {
  ...ISSUE_SHEET,
  items: [
    kpi('REV', 'output', 70, 1e9, 1.1e9, { cap: 1.2 }),
    kpi('ORDERS', 'output', 30, 100, 99, { method: BANDS }),
    kpi('TEMP', 'behavior', 100, null, 0.65, { direction: 'range', method: RANGE }),
    rated('PRODUCT', 'competency', 100, 3.5),
  ],
};

describe('scoreFlat: every sheet of a cycle in typed arrays gives scoreSheet results', () => {
  it('the issue sheet and a progress/binary sheet, renormalize and zero', () => {
    // sheet 0: the issue sheet without the behavior rating; sheet 1: progress 50 → 80 of 110 = 0.5, binary 3 ≤ 5 (decrease) = 1
    const flat = {
      sheetGroupStart: Int32Array.from([0, 3, 4]),
      groupItemStart: Int32Array.from([0, 2, 3, 4, 6]),
      groupWeight: Float64Array.from([60, 20, 20, 100]),
      itemWeight: Float64Array.from([70, 30, 100, 100, 50, 50]),
      kind: Uint8Array.from([FLAT_KIND.ratio, FLAT_KIND.ratio, FLAT_KIND.rated, FLAT_KIND.rated, FLAT_KIND.progress, FLAT_KIND.binary]),
      increase: Uint8Array.from([1, 1, 1, 1, 1, 0]),
      floor: Float64Array.from([0, 0, 0, 0, 0, 0]),
      cap: Float64Array.from([1.2, 1.2, 1.2, 1.2, 1.2, 1.2]),
      target: Float64Array.from([1e9, 20, NaN, NaN, 110, 5]),
      value: Float64Array.from([1.1e9, 15, NaN, 3.5, 80, 3]),
      extra: Float64Array.from([NaN, NaN, 5, 5, 50, NaN]),
      zero: false,
    };
    const r = scoreFlat(flat);
    expect(Array.from(r.sheetScore, roundScore)).toEqual([0.92125, 0.75]);
    expect(Array.from(r.groupScore.slice(0, 3), roundScore)).toEqual([0.995, NaN, 0.7]);
    expect(Array.from(scoreFlat({ ...flat, zero: true }).sheetScore, roundScore)).toEqual([0.737, 0.75]);
  });

  it('bands and range items take the generic path with their method and give the same scores', () => {
    const flat = {
      sheetGroupStart: Int32Array.from([0, 3]),
      groupItemStart: Int32Array.from([0, 2, 3, 4]),
      groupWeight: Float64Array.from([60, 20, 20]),
      itemWeight: Float64Array.from([70, 30, 100, 100]),
      kind: Uint8Array.from([FLAT_KIND.ratio, FLAT_KIND.generic, FLAT_KIND.generic, FLAT_KIND.rated]),
      increase: Uint8Array.from([1, 1, 1, 1]),
      floor: Float64Array.from([0, 0, 0, 0]),
      cap: Float64Array.from([1.2, 1.2, 1.2, 1.2]),
      target: Float64Array.from([1e9, 100, NaN, NaN]),
      value: Float64Array.from([1.1e9, 99, 0.65, 3.5]),
      extra: Float64Array.from([NaN, NaN, NaN, 5]),
      zero: false,
      generic: new Map([
        [1, { direction: 'increase' as const, method: BANDS }],
        [2, { direction: 'range' as const, method: RANGE }],
      ]),
    };
    const r = scoreFlat(flat);
    expect(Array.from(r.itemScore, roundScore)).toEqual([1.1, 0.8, 0.5, 0.7]);
    expect(Array.from(r.itemAchievement, roundScore)).toEqual([1.1, 0.99, 0.5, 0.7]);
    expect(Array.from(r.sheetScore, roundScore)).toEqual([0.846]);
  });
});

describe('unitMeans: people of a unit and every unit below it', () => {
  it('company ← sales ← north; scores 0.9 (sales), 0.8 and 1.0 (north), one person unscored', () => {
    const { ids, parent } = parentsFirst([
      { id: 30, parentId: 20 },
      { id: 10, parentId: null },
      { id: 20, parentId: 10 },
    ]);
    expect(ids).toEqual([10, 20, 30]);
    const r = unitMeans(parent, Int32Array.from([1, 2, 2, 2]), Float64Array.from([0.9, 0.8, 1.0, NaN]));
    expect(Array.from(r.people)).toEqual([3, 3, 2]);
    // north (0.8 + 1.0) ÷ 2 = 0.9; sales and company (0.9 + 0.8 + 1.0) ÷ 3 = 0.9
    expect(Array.from(r.mean, roundScore)).toEqual([0.9, 0.9, 0.9]);
  });
});

describe('ValueLocks: values and targets of a locked cycle', () => {
  const locks = new ValueLocks([{ personId: 7, kpiId: 3, cycleName: 'Q1 2026', phase: 'locked', startsOn: '2026-01-01', endsOn: '2026-03-31' }]);
  it('a period inside the cycle for a KPI on the sheet is refused with CYCLE_LOCKED; outside, or another KPI or person, is fine', () => {
    expect(() => locks.assertOpen([{ kpiId: 3, personId: 7, start: '2026-02-01', end: '2026-02-28' }])).toThrow(expect.objectContaining({ code: 'CYCLE_LOCKED' }));
    expect(locks.lockOf({ kpiId: 3, personId: 7, start: '2026-04-01', end: '2026-04-30' })).toBeUndefined();
    expect(locks.lockOf({ kpiId: 3, personId: 7, start: '2026-01-01', end: '2026-12-31' })).toBeUndefined();
    expect(locks.lockOf({ kpiId: 4, personId: 7, start: '2026-02-01', end: '2026-02-28' })).toBeUndefined();
    expect(locks.lockOf({ kpiId: 3, personId: 8, start: '2026-02-01', end: '2026-02-28' })).toBeUndefined();
    const row = locks.rowIssue({ kpiId: 3, personId: 7, start: '2026-03-01', end: '2026-03-31' }, 4, 'Kỳ');
    expect(row).toMatchObject({ code: 'CYCLE_LOCKED', row: 4 });
    expect(row!.message.en).toContain('Row 4, column "Kỳ": The cycle "Q1 2026" is locked');
  });
});
