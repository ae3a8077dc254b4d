import { DEFAULT_COEFFICIENTS } from '../../../core/appraisal';
import type { IsoDate } from '../../../core/period';
import { SYSTEM_ACTOR } from '../../actor';
import { assignSheets } from '../../appraisal/setup/assign-sheets';
import { createBonusRule } from '../../appraisal/setup/create-bonus-rule';
import { createTemplate } from '../../appraisal/setup/create-template';
import { moveCyclePhase } from '../../appraisal/setup/move-cycle-phase';
import type { Store } from '../../ports';
import { createQuarterCycle } from '../seed-appraisal';
import { GROUP_WEIGHTS, OUTPUT_ITEM_WEIGHTS, SHARED_ITEM_WEIGHTS, SHARED_KPIS, OUTPUT_KPIS } from './kpi-library';
import type { OrgPlan } from './org-plan';

const GROUP_NAMES = {
  output: { vi: 'Kết quả đầu ra', en: 'Output' },
  behavior: { vi: 'Hành vi', en: 'Behavior' },
  competency: { vi: 'Năng lực', en: 'Competencies' },
};

/**
 * The quarter's evaluation cycle through the app's own use-cases: a bonus rule, one sheet template per position
 * (its 12 KPIs: Output 60 %, Behavior 20 %, Competencies 20 %, item weights totalling 100 in each group), the
 * cycle, a sheet for everyone (set-based assignment, items start from each person's quarter targets), then
 * the track phase. Returns the number of sheets.
 */
export async function writeAppraisal(store: Store, plan: OrgPlan, quarter: { key: string; start: IsoDate; end: IsoDate }, today: IsoDate): Promise<number> {
  const year = Number(quarter.key.slice(0, 4));
  await createBonusRule(store, SYSTEM_ACTOR, {
    effectiveFrom: `${year - 1}-01-01`,
    rate: 1,
    coefficients: { ...DEFAULT_COEFFICIENTS },
    roundStep: 1000,
    note: 'Thưởng theo xếp loại (A 1,5 · B 1,2 · C 1,0 · D 0,5)',
  });
  const cycle = await createQuarterCycle(store, quarter);
  let sheets = 0;
  for (const position of plan.positions) {
    const family = plan.positionFamily.get(position.id)!;
    const item = (code: string, name: string, nameEn: string, weight: number) => ({ kind: 'kpi' as const, code, name: { vi: name, en: nameEn }, weight, kpiCode: code });
    const template = await createTemplate(store, SYSTEM_ACTOR, {
      code: position.code.toUpperCase(),
      name: `Phiếu đánh giá ${position.name}`,
      positionId: position.id,
      groups: [
        { code: 'output', name: GROUP_NAMES.output, weight: GROUP_WEIGHTS.output, items: OUTPUT_KPIS[family].map((k, i) => item(k.code, k.name, k.nameEn, OUTPUT_ITEM_WEIGHTS[i]!)) },
        ...(['behavior', 'competency'] as const).map((group) => ({
          code: group,
          name: GROUP_NAMES[group],
          weight: GROUP_WEIGHTS[group],
          items: SHARED_KPIS.filter((k) => k.group === group).map((k, i) => item(k.code, k.name, k.nameEn, SHARED_ITEM_WEIGHTS[i]!)),
        })),
      ],
    });
    const outcome = await assignSheets(store, SYSTEM_ACTOR, cycle.id, { templateId: template.id, positionId: position.id, includeSubunits: false });
    sheets += outcome.created;
  }
  await moveCyclePhase(store, SYSTEM_ACTOR, cycle.id, 'track', '', new Date(`${today}T00:00:00Z`));
  return sheets;
}
