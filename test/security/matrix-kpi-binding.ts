import { expect } from 'vitest';
import type { Target } from '../../src/core/auth/permissions';
import type { MatrixArea, World } from './matrix-world';
import { SCOPES, scopeQuery, scopeTarget } from './matrix-world';

const KPI = 'MX_BOUND';

const binding = (w: World) => ({
  dataset: 'mx_orders',
  measure: 'sum(amount)',
  dateColumn: 'ordered_at',
  scopeColumn: 'region',
  scopes: [{ value: 'Miền Bắc', scope: { type: 'unit', id: w.unit['KD-MB']! } }],
});

/** Editing a binding is about the KPI's owner's unit (as editing the KPI). */
const editTarget = (w: World): Target => ({ scope: 'unit', unitId: w.ids.get('kpi-binding|ownerUnit')! });

/** A company scope carries the KPI (its owner and unit); units and people are themselves. */
const rowsTarget = (w: World, s: (typeof SCOPES)[number]): Target =>
  s === 'company' ? { scope: 'company', kpi: { ownerId: w.ids.get('kpi-binding|owner')!, measurerId: null, ownerUnitId: w.ids.get('kpi-binding|ownerUnit')! } } : scopeTarget(w, s);

/**
 * Permission-matrix cases for KPIs bound to data (src/server/routes/kpi-binding.ts): the binding and recompute
 * are `kpi.edit` on the owner's unit; the drill-through is `numbers.read` on the scope and needs `dataset.read`
 * (the gate). At set-up the admin creates MX_BOUND (owned like SALES_MB_REVENUE, in KD-MB) bound to `mx_orders`
 * (imported by matrix-datasets.ts, which runs first).
 */
export const kpiBindingArea: MatrixArea = {
  cases: {
    'GET /api/kpis/{code}/binding': { succeeds: true, action: 'kpi.read', request: () => ({ method: 'GET', url: `/api/kpis/${KPI}/binding` }) },
    'PUT /api/kpis/{code}/binding': { succeeds: true, action: 'kpi.edit', target: editTarget, request: (w) => ({ method: 'PUT', url: `/api/kpis/${KPI}/binding`, payload: binding(w) }) },
    'POST /api/kpis/{code}/binding/check': {
      succeeds: true,
      action: 'kpi.edit',
      target: editTarget,
      request: (w) => ({ method: 'POST', url: `/api/kpis/${KPI}/binding/check`, payload: binding(w) }),
    },
    'POST /api/kpis/{code}/recompute': { succeeds: true, action: 'kpi.edit', target: editTarget, request: () => ({ method: 'POST', url: `/api/kpis/${KPI}/recompute` }) },
    'GET /api/kpis/{code}/rows': {
      succeeds: true,
      action: 'numbers.read',
      gate: 'dataset.read',
      scopes: SCOPES,
      target: (w, s) => rowsTarget(w, s),
      request: (w, s) => ({ method: 'GET', url: `/api/kpis/${KPI}/rows?period=2026-01&scope=${scopeQuery(w, s)}` }),
    },
  },
  async setup(admin, w) {
    const model = (await admin.get('/api/kpis/SALES_MB_REVENUE')).json().kpi as { ownerId: number; ownerUnitId: number };
    w.ids.set('kpi-binding|owner', model.ownerId);
    w.ids.set('kpi-binding|ownerUnit', model.ownerUnitId);
    const kpi = {
      code: KPI, name: 'Doanh thu từ dữ liệu (ma trận quyền)', level: 'operational', perspective: 'financial', unit: 'VND', direction: 'increase',
      aggregation: 'sum', frequency: 'monthly', source: 'dataset', ownerId: model.ownerId, measurerId: null, reportWithinDays: null,
      baseline: null, parents: [], tags: [], status: 'draft',
    };
    const created = await admin.post('/api/kpis', kpi);
    expect(created.statusCode, created.body).toBe(201);
    const bound = await admin.put(`/api/kpis/${KPI}/binding`, binding(w));
    expect(bound.statusCode, bound.body).toBe(200);
  },
};
