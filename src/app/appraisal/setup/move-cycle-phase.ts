import { assertCycleOpen, isLocked, PHASE_NAMES, type CyclePhase } from '../../../core/appraisal';
import { auditActor, type Actor } from '../../actor';
import { injectionPoint } from '../../faults/injection-point';
import { COMPANY, notFound, policy } from '../../policy';
import type { Store } from '../../ports';
import { tellCyclePhase } from '../../notifications/appraisal-notices';
import { closeCycle } from '../results/refresh';
import type { CycleView } from './cycle-views';
import { CYCLE, phaseInvalid } from './errors';
import { getCycle } from './get-cycle';

/**
 * Moves a cycle to another phase. Between the open phases (set targets … calibration), forward or back, with
 * appraisal.setup. Locking and publishing need appraisal.lock: lock computes and freezes the results
 * (closeCycle, same transaction) and stamps locked_at; publish is only from locked. A locked cycle leaves
 * that state only by reopening (reopen-cycle.ts). Moving to the phase it is in changes nothing.
 */
export async function moveCyclePhase(store: Store, actor: Actor, id: number, phase: CyclePhase, reason: string, now: Date): Promise<CycleView> {
  const final = phase === 'locked' || phase === 'published';
  policy.require(actor, final ? 'appraisal.lock' : 'appraisal.setup', COMPANY);
  await store.transaction(async (tx) => {
    const cycle = await tx.appraisal.setup.cycles.getForUpdate(id);
    if (!cycle) throw notFound(CYCLE, id);
    if (cycle.phase === phase) return;
    if (phase === 'published') {
      if (cycle.phase !== 'locked') {
        throw phaseInvalid(
          `Chỉ công bố được kỳ đã khóa; kỳ "${cycle.name}" đang ở giai đoạn "${PHASE_NAMES[cycle.phase].vi}".`,
          `Only a locked cycle can be published; "${cycle.name}" is in the "${PHASE_NAMES[cycle.phase].en}" phase.`,
        );
      }
      await tx.appraisal.setup.cycles.setPhase(id, 'published', { publishedAt: now });
      await tellCyclePhase(tx, cycle, 'published', now);
    } else if (phase === 'locked') {
      if (isLocked(cycle)) throw phaseInvalid(`Kỳ "${cycle.name}" đã công bố; mở lại kỳ trước khi khóa lại.`, `The cycle "${cycle.name}" is published; reopen it before locking again.`);
      await closeCycle(tx, id);
      await tx.appraisal.setup.cycles.setPhase(id, 'locked', { lockedAt: now });
      await tellCyclePhase(tx, cycle, 'locked', now);
    } else {
      assertCycleOpen(cycle);
      await tx.appraisal.setup.cycles.setPhase(id, phase, {});
    }
    await tx.audit.record([
      { ...auditActor(actor), action: 'update', entity: 'appraisal_cycle', entityId: String(id), before: { phase: cycle.phase }, after: { phase, ...(reason && { reason }) } },
    ]);
    if (phase === 'locked') await injectionPoint('cycle-lock');
  });
  return getCycle(store, actor, id);
}
