import { bonusIssues, isLocked } from '../../../core/appraisal';
import { bonusRuleInEffect } from '../../../core/appraisal/bonus-rule-in-effect';
import { issue, type Issue } from '../../../core/errors';
import { isValidDate } from '../../../core/period';
import { auditActor, type Actor } from '../../actor';
import { COMPANY, policy } from '../../policy';
import type { Store } from '../../ports';
import { invalid, ruleDateTaken } from './errors';
import type { BonusRuleInput, BonusRuleRecord } from './ports';

/**
 * Adds a version of the bonus rule, in effect from its date. Amounts are checked by core bonusIssues; a
 * coefficient table must cover every grade of the open cycles it will govern (their last day is on or after
 * the date and no newer version comes before it).
 */
export async function createBonusRule(store: Store, actor: Actor, input: BonusRuleInput): Promise<BonusRuleRecord> {
  policy.require(actor, 'appraisal.setup', COMPANY);
  return store.transaction(async (tx) => {
    const issues: Issue[] = [];
    if (!isValidDate(input.effectiveFrom)) {
      issues.push(issue('effectiveFrom', 'APPRAISAL_DATE_INVALID', `Ngày hiệu lực ${input.effectiveFrom} không có thật`, `The effective date ${input.effectiveFrom} is not a real date`));
    }
    const rules = await tx.appraisal.setup.bonusRules.list();
    if (rules.some((r) => r.effectiveFrom === input.effectiveFrom)) throw ruleDateTaken(input.effectiveFrom);
    const rule = { base: 0, rate: input.rate, coefficients: input.coefficients, round: input.roundStep };
    issues.push(...bonusIssues(rule, []).map(renamePath));
    const candidate = { ...input, id: 0, createdAt: '' };
    for (const cycle of await tx.appraisal.setup.cycles.list()) {
      if (isLocked(cycle) || bonusRuleInEffect([...rules, candidate], cycle.endsOn) !== candidate) continue;
      for (const problem of bonusIssues(rule, cycle.bands).filter((i) => i.code === 'APPRAISAL_COEFFICIENT_MISSING')) {
        issues.push({ ...renamePath(problem), message: { vi: `${problem.message.vi} (kỳ "${cycle.name}")`, en: `${problem.message.en} (cycle "${cycle.name}")` } });
      }
    }
    if (issues.length > 0) throw invalid(issues);
    const created = await tx.appraisal.setup.bonusRules.create(input, auditActor(actor).actorUserId);
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'appraisal_bonus_rule', entityId: String(created.id), before: null, after: input }]);
    return created;
  });
}

/** bonusIssues speaks of `bonus.round`, `bonus.rate`, `bonus.coefficients.A`; the request's fields are `roundStep`, `rate`, `coefficients.A`. */
function renamePath(i: Issue): Issue {
  const path = i.path.replace(/^bonus\.?/, '').replace(/^round$/, 'roundStep');
  return { ...i, path };
}
