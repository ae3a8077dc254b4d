import type { z } from 'zod';
import { bandIssues, bonusFor, bonusIssues, DEFAULT_BONUS_STEP, DEFAULT_COEFFICIENTS, gradeOf, splitBonusPool, type CoefficientRule, type GradeBand } from '../../../core/appraisal';
import { bonusRuleInEffect } from '../../../core/appraisal/bonus-rule-in-effect';
import type { Pay, PayScenario } from '../../../contract/appraisal';
import type { Actor } from '../../actor';
import type { Store } from '../../ports';
import type { SheetRecord } from './ports';
import { latestPerPerson, sheetsInView } from './sheets-in-view';
import { refuse } from './write-helpers';

type PayView = z.infer<typeof Pay>;
type Scenario = z.infer<typeof PayScenario>;

interface Rule {
  rate: number;
  coefficients: CoefficientRule;
  roundStep: number;
}

interface Outcome {
  grade: string | null;
  coefficient: number | null;
  bonus: number;
}

const pay = (s: SheetRecord, grade: string | null, rule: Rule | null): Outcome => {
  if (s.score === null || grade === null || rule === null) return { grade, coefficient: null, bonus: 0 };
  return { grade, ...bonusFor({ base: s.bonusBase, rate: rule.rate, coefficients: rule.coefficients, round: rule.roundStep }, grade, s.score) };
};

/**
 * The pay simulator (Mô phỏng chi thưởng): per person in the caller's appraisal.pay scope, the KPI bonus under
 * the cycle's bonus rule in effect on its last day ("current": base × rate × coefficient of the stored score
 * and grade, calibration included) beside a what-if (other bands, coefficients, rate, rounding step, or a pool
 * split by base × coefficient). Nothing is stored. Money is exact (core bonusAmount / splitBonusPool).
 */
export async function simulatePay(store: Store, actor: Actor, cycleId: number, q: { unitId?: number | undefined; whatIf: Scenario }): Promise<PayView> {
  const { cycle, sheets } = await sheetsInView(store, actor, cycleId, 'appraisal.pay', q.unitId);
  const stored = bonusRuleInEffect(await store.appraisal.setup.bonusRules.list(), cycle.endsOn);
  const current: Rule | null = stored && { rate: stored.rate, coefficients: stored.coefficients, roundStep: stored.roundStep };
  const w = q.whatIf;
  const whatIf: Rule = {
    rate: w.rate ?? current?.rate ?? 1,
    coefficients: w.coefficients ?? current?.coefficients ?? DEFAULT_COEFFICIENTS,
    roundStep: w.roundStep ?? current?.roundStep ?? DEFAULT_BONUS_STEP,
  };
  const bands: readonly GradeBand[] = w.bands ?? cycle.bands;
  const issues = [...(w.bands ? bandIssues(w.bands, 'whatIf.bands') : []), ...bonusIssues({ base: 0, rate: whatIf.rate, coefficients: whatIf.coefficients, round: whatIf.roundStep }, bands, 'whatIf')];
  if (issues.length > 0) throw refuse(issues, 'Phương án mô phỏng chưa hợp lệ.', 'The what-if scenario is not valid.');

  const people = latestPerPerson(sheets);
  const rows = people.map((s) => {
    const grade = s.score === null ? null : (s.calibratedGrade ?? gradeOf(s.score, cycle.bands));
    const whatIfGrade = s.score === null ? null : w.bands ? gradeOf(s.score, w.bands) : grade;
    return { s, current: pay(s, grade, current), whatIf: pay(s, whatIfGrade, whatIf) };
  });
  if (w.pool !== undefined && rows.length > 0) {
    const parts = splitBonusPool(w.pool, rows.map((r) => ({ base: r.s.bonusBase, coefficient: r.whatIf.coefficient ?? 0 })), whatIf.roundStep);
    rows.forEach((r, i) => (r.whatIf = { ...r.whatIf, bonus: parts[i]! }));
  }
  const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + pick(r), 0);
  const totals = { current: total((r) => r.current.bonus), whatIf: total((r) => r.whatIf.bonus) };
  return {
    rows: rows.map(({ s, current: c, whatIf: x }) => ({ sheetId: s.id, personName: s.personName, unitName: s.unitName, score: s.score, base: s.bonusBase, current: c, whatIf: x })),
    totals: { ...totals, difference: totals.whatIf - totals.current },
  };
}
