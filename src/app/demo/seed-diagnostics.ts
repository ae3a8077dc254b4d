import type { MissReason } from '../../core/diagnostics';
import { addDays, periodContaining, previousPeriod, type IsoDate } from '../../core/period';
import { evaluateKpis } from '../diagnostics/evaluate-slot';
import type { Store, TargetScope } from '../ports';

/** Reason sets handed out in turn, so the demo Pareto has a clear head (agreement, targets) and a tail. */
const REASON_SETS: { reason: MissReason; comment: string; controllable: boolean }[][] = [
  [{ reason: 'no_agreement', comment: 'Chỉ tiêu giao xuống nhưng chưa họp thống nhất với nhóm.', controllable: true }],
  [
    { reason: 'unrealistic_target', comment: 'Chỉ tiêu tăng gấp đôi so với cùng kỳ năm trước.', controllable: true },
    { reason: 'no_agreement', comment: 'Nhóm chưa đồng ý mức chỉ tiêu mới.', controllable: true },
  ],
  [{ reason: 'not_measured_on_time', comment: 'Số liệu được cập nhật trễ hạn báo cáo.', controllable: true }],
  [{ reason: 'external', comment: 'Thị trường chững lại sau kỳ nghỉ lễ.', controllable: false }],
  [{ reason: 'missing_skills', comment: 'Thiếu hai nhân viên kinh doanh trong tháng.', controllable: true }],
  [{ reason: 'unrealistic_target', comment: 'Chỉ tiêu đặt theo kế hoạch năm, chưa tính mùa vụ.', controllable: true }],
];

const PLANS = [
  { fact: 'Doanh số đạt dưới 80 % chỉ tiêu tháng.', cause: 'Chỉ tiêu chưa được thống nhất với từng nhân viên.', action: 'Họp thống nhất chỉ tiêu quý với cả nhóm.', status: 'in_progress' as const },
  { fact: 'Chỉ tiêu cao gấp đôi cùng kỳ.', cause: 'Kế hoạch năm không tính mùa thấp điểm.', action: 'Phân bổ lại chỉ tiêu theo mùa vụ.', status: 'open' as const },
];

/**
 * A few recorded miss reasons and action plans for demo KPIs that ended the six months before `today` red
 * (company scope, and the two sales teams), so the diagnostics page is not empty on a fresh demo.
 */
export async function seedDemoDiagnostics(store: Store, today: IsoDate): Promise<void> {
  const kpis = await store.kpis.list({ status: 'active' });
  const units = new Map((await store.units.list()).map((u) => [u.code, u.id]));
  const lead = (await store.people.findByEmails(['truong.kd@minhan.vn']))[0];
  const scopes: TargetScope[] = [{ type: 'company', id: null }];
  for (const code of ['KD-MB', 'KD-MN']) if (units.has(code)) scopes.push({ type: 'unit', id: units.get(code)! });
  let month = previousPeriod(periodContaining(today, 'month'));
  let turn = 0;
  let plans = 0;
  for (let i = 0; i < 6; i++, month = previousPeriod(month)) {
    for (const scope of scopes) {
      const rows = await evaluateKpis(store, kpis, month, scope);
      for (const k of kpis) {
        if (rows.get(k.code)?.status !== 'red') continue;
        const set = REASON_SETS[turn++ % REASON_SETS.length]!;
        const stored = await store.diagnostics.replaceReasons({ kpiId: k.id, scope, period: month.key }, set.map((r) => ({ ...r, fromSuggestion: false })), null);
        if (plans < PLANS.length && i === 0) {
          const p = PLANS[plans++]!;
          await store.diagnostics.createPlan(stored[0]!.id, { ...p, ownerPersonId: lead?.id ?? null, dueOn: addDays(today, 14 * plans) });
        }
      }
    }
  }
}
