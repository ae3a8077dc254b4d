import { DomainError, issue } from '../../core/errors';
import type { Actor } from '../actor';
import { auditActor } from '../actor';
import { findKpiByCode } from '../kpi/find-kpi';
import { kpiResponsibility, policy, scopeTargetOf } from '../policy';
import type { Store, TargetScope } from '../ports';
import { resolveScope, scopeKey } from '../scope';
import { evaluateSlot } from './evaluate-slot';
import { missItems, type MissItem } from './misses';
import type { MissReasonWrite } from './ports';

/**
 * Records why a KPI was missed: the whole set of reasons of one (KPI, scope, period) in one transaction.
 * Needs `miss.explain` on the scope (a company scope carries the KPI), and the KPI must have ended the period red
 * (or an appraisal cycle over the period is locked with it red): a running period is `PERIOD_NOT_ENDED`, a KPI that is not red is `MISS_NOT_RED` (both 422, nothing written).
 */
export async function recordReasons(
  store: Store,
  actor: Actor,
  input: { kpi: string; scope: TargetScope; period: string; reasons: MissReasonWrite[]; now: Date },
): Promise<MissItem> {
  const kpi = await findKpiByCode(store, input.kpi);
  const target = await resolveScope(store, input.scope);
  policy.require(actor, 'miss.explain', scopeTargetOf(target, kpiResponsibility(kpi)));
  const seen = new Set<string>();
  input.reasons.forEach((r, i) => {
    if (seen.has(r.reason)) {
      throw new DomainError('VALIDATION_FAILED', { vi: 'Nguyên nhân bị lặp.', en: 'A reason is listed twice.' }, {
        issues: [issue(`reasons.${i}.reason`, 'duplicate', `Nguyên nhân "${r.reason}" đã có trong danh sách.`, `Reason "${r.reason}" is already in the list.`)],
      });
    }
    seen.add(r.reason);
  });
  const slot = await evaluateSlot(store, input.period, input.scope, input.now);
  if (!slot.ended) {
    throw new DomainError('PERIOD_NOT_ENDED', {
      vi: `Kỳ ${slot.period.key} chưa kết thúc: chỉ ghi nguyên nhân khi KPI đã không đạt cả kỳ.`,
      en: `Period ${slot.period.key} has not ended: reasons are recorded once a KPI has missed the whole period.`,
    }, { issues: [issue('period', 'not_ended', `Kỳ ${slot.period.key} chưa kết thúc.`, `Period ${slot.period.key} has not ended.`)] });
  }
  const row = slot.rows.get(kpi.code);
  if (row?.status !== 'red') {
    throw new DomainError('MISS_NOT_RED', {
      vi: `KPI ${kpi.code} không ở trạng thái đỏ trong kỳ ${slot.period.key}: không cần ghi nguyên nhân không đạt.`,
      en: `KPI ${kpi.code} did not end ${slot.period.key} red: there is no miss to explain.`,
    }, { issues: [issue('kpi', 'not_red', `KPI ${kpi.code} không đỏ trong kỳ này.`, `KPI ${kpi.code} is not red for this period.`)] });
  }
  return store.transaction(async (tx) => {
    const before = await tx.diagnostics.reasons({ period: slot.period.key, scope: input.scope, kpiIds: [kpi.id] });
    const after = await tx.diagnostics.replaceReasons({ kpiId: kpi.id, scope: input.scope, period: slot.period.key }, input.reasons, actor.user.id);
    const strip = (rs: typeof before) => rs.map((r) => ({ reason: r.reason, comment: r.comment, controllable: r.controllable, fromSuggestion: r.fromSuggestion }));
    await tx.audit.record([
      { ...auditActor(actor), action: 'update', entity: 'miss-reasons', entityId: `${kpi.code}|${scopeKey(input.scope)}|${slot.period.key}`, before: strip(before), after: strip(after) },
    ]);
    return (await missItems(tx, actor, slot, target, [kpi]))[0]!;
  });
}
