import { isLocked } from '../../../core/appraisal';
import { auditActor, type Actor } from '../../actor';
import { COMPANY, notFound, policy } from '../../policy';
import type { Store } from '../../ports';
import type { CycleView } from './cycle-views';
import { CYCLE, phaseInvalid } from './errors';
import { getCycle } from './get-cycle';

/** Reopens a locked or published cycle (appraisal.lock, a reason): back to calibration, audited with before/after and the reason. */
export async function reopenCycle(store: Store, actor: Actor, id: number, reason: string): Promise<CycleView> {
  policy.require(actor, 'appraisal.lock', COMPANY);
  await store.transaction(async (tx) => {
    const cycle = await tx.appraisal.setup.cycles.getForUpdate(id);
    if (!cycle) throw notFound(CYCLE, id);
    if (!isLocked(cycle)) throw phaseInvalid(`Kỳ "${cycle.name}" chưa khóa nên không cần mở lại.`, `The cycle "${cycle.name}" is not locked, so there is nothing to reopen.`);
    await tx.appraisal.setup.cycles.setPhase(id, 'calibrate', { lockedAt: null, publishedAt: null });
    await tx.audit.record([
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'appraisal_cycle',
        entityId: String(id),
        before: { phase: cycle.phase, lockedAt: cycle.lockedAt, publishedAt: cycle.publishedAt },
        after: { phase: 'calibrate', lockedAt: null, publishedAt: null, reason },
      },
    ]);
  });
  return getCycle(store, actor, id);
}
