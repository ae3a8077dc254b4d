import { DEFAULT_BANDS, type CyclePhase, type GradeBand, type MissingMode, type CycleFrequency } from '../../../core/appraisal';
import { cycleDates } from '../../../core/appraisal/cycle-period';
import { cycleSettingsIssues } from '../../../core/appraisal/cycle-settings';
import { auditActor, type Actor } from '../../actor';
import { COMPANY, policy } from '../../policy';
import type { Store } from '../../ports';
import { checkRuleCoversBands } from './check-rule-covers-bands';
import { getCycle } from './get-cycle';
import type { CycleView } from './cycle-views';
import { codeTaken, CYCLE, invalid } from './errors';

export interface NewCycle {
  code: string;
  name: string;
  frequency: CycleFrequency;
  period: string;
  deadlines: Partial<Record<CyclePhase, string>>;
  missing: MissingMode;
  bands?: GradeBand[] | undefined;
  distribution: Record<string, number> | null;
  secondApproval: boolean;
}

/** Opens a cycle in the first phase (set targets); its dates come from the period key, which must match the frequency. */
export async function createCycle(store: Store, actor: Actor, input: NewCycle): Promise<CycleView> {
  policy.require(actor, 'appraisal.setup', COMPANY);
  const id = await store.transaction(async (tx) => {
    if ((await tx.appraisal.setup.cycles.idByCode(input.code)) !== null) throw codeTaken(CYCLE, input.code);
    const dates = cycleDates(input.frequency, input.period);
    const bands = input.bands ?? DEFAULT_BANDS.map((b) => ({ ...b }));
    const issues = [...('path' in dates ? [dates] : []), ...cycleSettingsIssues({ bands, distribution: input.distribution, deadlines: input.deadlines })];
    if (issues.length > 0) throw invalid(issues);
    const { startsOn, endsOn } = dates as { startsOn: string; endsOn: string };
    await checkRuleCoversBands(tx, endsOn, bands);
    const row = { ...input, bands, startsOn, endsOn };
    const id = await tx.appraisal.setup.cycles.create(row);
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'appraisal_cycle', entityId: String(id), before: null, after: row }]);
    return id;
  });
  return getCycle(store, actor, id);
}
