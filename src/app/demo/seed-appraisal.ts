import { DEFAULT_COEFFICIENTS } from '../../core/appraisal';
import { addDays, dateParts, quarterPeriod, type IsoDate } from '../../core/period';
import { cascadeToChildren } from '../../core/target';
import { SYSTEM_ACTOR } from '../actor';
import { assignSheets } from '../appraisal/setup/assign-sheets';
import { createBonusRule } from '../appraisal/setup/create-bonus-rule';
import { createCycle } from '../appraisal/setup/create-cycle';
import { createTemplate } from '../appraisal/setup/create-template';
import { moveCyclePhase } from '../appraisal/setup/move-cycle-phase';
import type { Store } from '../ports';

const SALES_POSITION = 'nv-kinh-doanh';
const TEAM = 'KD-MB';
const n = (vi: string, en: string) => ({ vi, en });

/** 1–5 level descriptors shared by the rated items of the demo sheet. */
const levels = (what: { vi: string; en: string }) => [
  n(`Chưa đạt: ${what.vi} thường xuyên không đạt yêu cầu`, `Below: ${what.en} often falls short`),
  n(`Cần cải thiện: ${what.vi} đôi khi chưa đạt`, `Improving: ${what.en} sometimes falls short`),
  n(`Đạt: ${what.vi} đúng yêu cầu`, `Meets: ${what.en} as expected`),
  n(`Tốt: ${what.vi} vượt yêu cầu`, `Good: ${what.en} above expectations`),
  n(`Xuất sắc: ${what.vi} là tấm gương cho nhóm`, `Outstanding: ${what.en} sets the example for the team`),
];

/**
 * People performance in the demo company: the bonus rule, the sales staff sheet (Output: team revenue and
 * orders from each salesperson's own quarter targets; Behavior and Competencies rated 1–5), and the current
 * quarter's cycle in the track phase, assigned to the Northern sales team. `today` is the company's date.
 */
export async function seedDemoAppraisal(store: Store, today: IsoDate): Promise<void> {
  const { year, month } = dateParts(today)!;
  const quarter = quarterPeriod(year, Math.ceil(month / 3));
  const position = (await store.positions.list()).find((p) => p.code === SALES_POSITION)!;
  const team = (await store.units.findByCode(TEAM))!;
  const staff = (await store.people.query({ unitIds: [team.id], limit: 100, offset: 0 })).items.filter((p) => p.active && p.positionId === position.id);
  await seedPersonTargets(store, quarter, team.id, staff.map((p) => p.id));

  await createBonusRule(store, SYSTEM_ACTOR, {
    effectiveFrom: `${year - 1}-01-01`,
    rate: 1,
    coefficients: { ...DEFAULT_COEFFICIENTS },
    roundStep: 1000,
    note: 'Thưởng P3 theo xếp loại (A 1,5 · B 1,2 · C 1,0 · D 0,5)',
  });
  const template = await createTemplate(store, SYSTEM_ACTOR, {
    code: 'NV-KINH-DOANH',
    name: 'Phiếu đánh giá Nhân viên kinh doanh',
    positionId: position.id,
    groups: [
      {
        code: 'output',
        name: n('Kết quả đầu ra', 'Output'),
        weight: 60,
        items: [
          { kind: 'kpi', code: 'REVENUE', name: n('Doanh thu cá nhân', 'Personal revenue'), weight: 70, kpiCode: 'SALES_MB_REVENUE' },
          { kind: 'kpi', code: 'ORDERS', name: n('Số đơn hàng thành công', 'Completed orders'), weight: 30, kpiCode: 'ORDERS' },
        ],
      },
      {
        code: 'behavior',
        name: n('Hành vi', 'Behavior'),
        weight: 20,
        items: [
          { kind: 'rated', code: 'DISCIPLINE', name: n('Chấp hành nội quy, đúng giờ', 'Discipline and punctuality'), weight: 50, scale: 5, levels: levels(n('việc chấp hành nội quy', 'following the rules')) },
          { kind: 'rated', code: 'CUSTOMER_CARE', name: n('Thái độ phục vụ khách hàng', 'Customer care'), weight: 50, scale: 5, levels: levels(n('thái độ với khách hàng', 'care for customers')) },
        ],
      },
      {
        code: 'competency',
        name: n('Năng lực', 'Competencies'),
        weight: 20,
        items: [
          { kind: 'rated', code: 'PRODUCT', name: n('Kiến thức sản phẩm', 'Product knowledge'), weight: 60, scale: 5, levels: levels(n('kiến thức sản phẩm', 'product knowledge')) },
          { kind: 'rated', code: 'NEGOTIATION', name: n('Kỹ năng đàm phán', 'Negotiation'), weight: 40, scale: 5, levels: levels(n('kỹ năng đàm phán', 'negotiation')) },
        ],
      },
    ],
  });
  const cycle = await createQuarterCycle(store, quarter);
  await assignSheets(store, SYSTEM_ACTOR, cycle.id, { templateId: template.id, unitId: team.id, positionId: position.id, includeSubunits: false });
  await moveCyclePhase(store, SYSTEM_ACTOR, cycle.id, 'track', '', new Date(`${today}T00:00:00Z`));
}

/**
 * Each salesperson's own targets for the quarter: the team's monthly revenue (company scope of its team KPI)
 * and order targets (the team's unit share) over the quarter, split equally in whole millions / orders.
 */
async function seedPersonTargets(store: Store, quarter: { key: string; start: string; end: string }, teamId: number, staff: number[]): Promise<void> {
  const parts = staff.map((id) => ({ id, weight: 1 }));
  for (const [code, scope, step] of [
    ['SALES_MB_REVENUE', { type: 'company', id: null }, 1_000_000],
    ['ORDERS', { type: 'unit', id: teamId }, 1],
  ] as const) {
    const kpi = (await store.kpis.findByCode(code))!;
    const months = (await store.targets.list({ kpiId: kpi.id, scope, from: quarter.start, to: quarter.end })).filter((t) => /^\d{4}-\d{2}$/.test(t.period));
    const total = months.reduce((sum, t) => sum + t.value, 0);
    if (total <= 0) continue;
    await store.targets.upsert(
      cascadeToChildren(total, parts, { step }).map((p) => ({
        kpiId: kpi.id,
        period: quarter.key,
        kind: 'quarter',
        start: quarter.start,
        end: quarter.end,
        scope: { type: 'person' as const, id: p.id },
        value: p.value,
      })),
    );
  }
}

/**
 * A demo quarter's evaluation cycle (the demo company's and the generated companies'): deadlines a week, two weeks,
 * then 5/10/15 days after the quarter, missing values renormalized, the usual A/B/C/D distribution, no second approval.
 */
export async function createQuarterCycle(store: Store, quarter: { key: string; start: IsoDate; end: IsoDate }) {
  const year = quarter.key.slice(0, 4);
  return createCycle(store, SYSTEM_ACTOR, {
    code: quarter.key,
    name: `Đánh giá KPI quý ${quarter.key.slice(-1)}/${year}`,
    frequency: 'quarterly',
    period: quarter.key,
    deadlines: {
      targets: addDays(quarter.start, 7),
      agree: addDays(quarter.start, 14),
      track: quarter.end,
      self: addDays(quarter.end, 5),
      review: addDays(quarter.end, 10),
      calibrate: addDays(quarter.end, 15),
    },
    missing: 'renormalize',
    distribution: { A: 0.15, B: 0.35, C: 0.4, D: 0.1 },
    secondApproval: false,
  });
}
