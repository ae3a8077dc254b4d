import { bonusIssues, type GradeBand } from '../../../core/appraisal';
import { bonusRuleInEffect } from '../../../core/appraisal/bonus-rule-in-effect';
import type { Store } from '../../ports';
import { invalid } from './errors';

/** A cycle's grade bands must all have a coefficient in the bonus rule in effect for it (422 at `bands` otherwise). */
export async function checkRuleCoversBands(store: Store, endsOn: string, bands: readonly GradeBand[]): Promise<void> {
  const rule = bonusRuleInEffect(await store.appraisal.setup.bonusRules.list(), endsOn);
  if (!rule) return;
  const missing = bonusIssues({ base: 0, rate: rule.rate, coefficients: rule.coefficients, round: rule.roundStep }, bands, 'bands').filter(
    (i) => i.code === 'APPRAISAL_COEFFICIENT_MISSING',
  );
  if (missing.length > 0) {
    throw invalid(missing.map((i) => ({ ...i, path: 'bands', message: { vi: `${i.message.vi} (quy tắc hiệu lực từ ${rule.effectiveFrom})`, en: `${i.message.en} (rule effective from ${rule.effectiveFrom})` } })));
  }
}
