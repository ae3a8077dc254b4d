import type { KpiDefinition } from '../../core/kpi';
import type { KpiBinding } from '../../core/kpi-binding';
import { SYSTEM_ACTOR } from '../actor';
import { saveBinding } from '../kpi-binding/save-binding';
import { createKpi } from '../kpi/save-kpi';
import type { Store } from '../ports';
import { DEMO_ORDERS_DATASET } from './demo-orders';

interface DataKpi {
  def: Pick<KpiDefinition, 'code' | 'name' | 'nameEn' | 'description' | 'unit' | 'direction' | 'aggregation' | 'group'>;
  binding: Omit<KpiBinding, 'dataset' | 'dateColumn'>;
  /** This KPI drives its parent (the funnel: traffic → leads → closed sales → revenue). */
  parent: { code: string; weight: number };
  target: number;
}

const REGIONS = (units: Map<string, number>): KpiBinding['scopes'] => [
  { value: 'Miền Bắc', scope: { type: 'unit', id: units.get('KD-MB')! } },
  { value: 'Miền Nam', scope: { type: 'unit', id: units.get('KD-MN')! } },
];

/** The demo's KPIs computed from its orders dataset, wired up to REVENUE. */
function dataKpis(units: Map<string, number>): DataKpi[] {
  return [
    {
      def: { code: 'DL_REVENUE', name: 'Doanh thu từ dữ liệu đơn hàng', nameEn: 'Revenue from order data', description: 'Tổng doanh thu các đơn hàng trong quý, tính từ tập dữ liệu đơn hàng (theo miền cho hai nhóm kinh doanh).', unit: 'VND', direction: 'increase', aggregation: 'sum', group: 'output' },
      binding: { measure: 'sum(revenue)', scopeColumn: 'region', scopes: REGIONS(units) },
      parent: { code: 'REVENUE', weight: 0.1 },
      target: 60_000_000_000,
    },
    {
      def: { code: 'DL_ORDERS', name: 'Đơn hàng chốt được (dữ liệu)', nameEn: 'Closed orders (order data)', description: 'Số đơn hàng trong quý, tính từ tập dữ liệu đơn hàng: bước "chốt đơn" của phễu.', unit: 'count', direction: 'increase', aggregation: 'sum', group: 'output' },
      binding: { measure: 'count()', scopeColumn: null, scopes: [] },
      parent: { code: 'DL_REVENUE', weight: 0.6 },
      target: 240_000,
    },
    {
      def: { code: 'DL_CUSTOMERS', name: 'Khách hàng mua hàng (dữ liệu)', nameEn: 'Buying customers (order data)', description: 'Số khách hàng khác nhau có đơn trong quý, từ tập dữ liệu đơn hàng.', unit: 'count', direction: 'increase', aggregation: 'sum', group: 'output' },
      binding: { measure: 'count_distinct(customer_id)', scopeColumn: null, scopes: [] },
      parent: { code: 'DL_ORDERS', weight: 0.5 },
      target: 120_000,
    },
  ];
}

/**
 * With the orders dataset, the demo's data-bound KPIs and the marketing funnel as KPI parents: website traffic →
 * leads → closed orders (DL_ORDERS) → revenue (DL_REVENUE) → REVENUE, so the strategy map shows how the tactics
 * drive revenue. Each binding is saved through the KPI page's use-case (its values computed in the database).
 */
export async function seedDataKpis(store: Store, today: string): Promise<void> {
  if (!(await store.datasets.get(DEMO_ORDERS_DATASET))) return;
  const units = new Map((await store.units.list()).map((u) => [u.code, u.id]));
  const owner = (await store.people.findByEmails(['truong.kd@minhan.vn']))[0]?.id ?? null;
  const measurer = (await store.people.findByEmails(['truong.mkt@minhan.vn']))[0]?.id ?? null;
  const year = today.slice(0, 4);
  for (const k of dataKpis(units)) {
    await createKpi(store, SYSTEM_ACTOR, {
      ...k.def,
      level: 'tactical',
      perspective: k.def.code === 'DL_REVENUE' ? 'financial' : 'customer',
      // Quarterly: the current month's partial data must not make pages open on a month nobody reported yet.
      frequency: 'quarterly',
      source: 'dataset',
      formula: null,
      ownerId: owner,
      measurerId: measurer,
      reportWithinDays: null,
      baseline: null,
      parents: [k.parent],
      tags: ['dữ liệu'],
      status: 'active',
      targets: [{ period: year, value: k.target * 4 }],
    });
  }
  for (const k of dataKpis(units)) {
    await saveBinding(store, SYSTEM_ACTOR, k.def.code, { dataset: DEMO_ORDERS_DATASET, dateColumn: 'ordered_at', ...k.binding });
  }
  // The funnel's top: leads drive closed orders, website traffic drives leads (besides their market-share links).
  await linkParent(store, 'LEADS', { code: 'DL_ORDERS', weight: 0.3 });
  await linkParent(store, 'WEB_TRAFFIC', { code: 'LEADS', weight: 0.3 });
}

async function linkParent(store: Store, code: string, parent: { code: string; weight: number }): Promise<void> {
  const kpi = await store.kpis.findByCode(code);
  const to = await store.kpis.findByCode(parent.code);
  if (!kpi || !to) return;
  const current = await Promise.all(kpi.parents.map(async (p) => ({ parentId: (await store.kpis.findByCode(p.code))!.id, weight: p.weight })));
  await store.kpis.setParents(kpi.id, [...current, { parentId: to.id, weight: parent.weight }]);
}
