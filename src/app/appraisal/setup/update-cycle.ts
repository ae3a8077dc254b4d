import { assertCycleOpen } from '../../../core/appraisal';
import { cycleSettingsIssues } from '../../../core/appraisal/cycle-settings';
import { auditActor, type Actor } from '../../actor';
import { COMPANY, notFound, policy } from '../../policy';
import type { Store } from '../../ports';
import { refreshSheets } from '../results/refresh';
import { checkRuleCoversBands } from './check-rule-covers-bands';
import type { CycleView } from './cycle-views';
import { CYCLE, invalid } from './errors';
import { getCycle } from './get-cycle';
import type { CyclePatch } from './ports';

/** Changes a cycle's name, deadlines, missing-value mode, bands, distribution or second approval; a locked cycle is refused (CYCLE_LOCKED). */
export async function updateCycle(store: Store, actor: Actor, id: number, patch: CyclePatch): Promise<CycleView> {
  policy.require(actor, 'appraisal.setup', COMPANY);
  await store.transaction(async (tx) => {
    const before = await tx.appraisal.setup.cycles.getForUpdate(id);
    if (!before) throw notFound(CYCLE, id);
    assertCycleOpen(before);
    const next = { ...before, ...definedOnly(patch) };
    const issues = cycleSettingsIssues(next);
    if (issues.length > 0) throw invalid(issues);
    if (patch.bands) await checkRuleCoversBands(tx, before.endsOn, patch.bands);
    await tx.appraisal.setup.cycles.update(id, definedOnly(patch));
    // Bands and the missing-value mode change grades and scores: the results engine recomputes them.
    if (patch.bands !== undefined || patch.missing !== undefined) await refreshSheets(tx, await tx.appraisal.setup.cycles.sheetIds(id));
    const changed = Object.keys(definedOnly(patch)) as (keyof CyclePatch)[];
    await tx.audit.record([
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'appraisal_cycle',
        entityId: String(id),
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    ]);
  });
  return getCycle(store, actor, id);
}

function definedOnly(patch: CyclePatch): CyclePatch {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CyclePatch;
}
