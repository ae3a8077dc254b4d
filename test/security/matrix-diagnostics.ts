import { expect } from 'vitest';
import type { Target } from '../../src/core/auth/permissions';
import { manualKpiBody } from '../helpers/kpi-body';
import type { MatrixArea, World } from './matrix-world';
import { SCOPES, scopeBody, scopeQuery } from './matrix-world';

/** The KPIs the core matrix wrote 2025-02 check-ins for in every scope (see permission-matrix.test.ts). */
const KPIS = ['SALES_MB_REVENUE', 'WEB_TRAFFIC', 'REVENUE'] as const;
const KPI = 'MX_DIAG';

/** Plans belong to a reason recorded at set-up for MX_DIAG (owned in KD-MB) on the unit KD-MB, March 2025 (red). */
const planTarget = (w: World): Target => ({ scope: 'unit', unitId: w.unit['KD-MB']! });

function targetOf(w: World, scope: { type: string; id: number | null }): Target {
  if (scope.type === 'unit') return { scope: 'unit', unitId: scope.id! };
  if (scope.type === 'person') return { scope: 'person', personId: scope.id!, unitId: Object.values(w.person).find((p) => p.id === scope.id)?.unitId ?? -1 };
  return { scope: 'company' };
}

const plan = { fact: 'Sự việc', cause: 'Nguyên nhân', action: 'Hành động', ownerPersonId: null, dueOn: '2025-04-30', status: 'open' };

/**
 * Permission-matrix cases for miss diagnostics (src/server/routes/diagnostics.ts): reading misses, drivers and
 * the Pareto is `numbers.read` (the Pareto and its XLSX list only readable scopes); recording reasons and action
 * plans is `miss.explain` on the scope, a company scope carrying the KPI. Writes on a KPI that is not red answer
 * 422 after the permission check, so a refusal is still a 403 that changes nothing.
 */
export const diagnosticsArea: MatrixArea = {
  cases: {
    'GET /api/diagnostics/misses': {
      succeeds: true,
      action: 'numbers.read',
      scopes: SCOPES,
      request: (w, s) => ({ method: 'GET', url: `/api/diagnostics/misses?period=2025-02&scope=${scopeQuery(w, s)}` }),
    },
    'PUT /api/diagnostics/reasons': {
      action: 'miss.explain',
      scopes: SCOPES,
      kpis: KPIS,
      request: (w, s, k) => ({ method: 'PUT', url: '/api/diagnostics/reasons', payload: { kpi: k, scope: scopeBody(w, s), period: '2025-02', reasons: [{ reason: 'other' }] } }),
    },
    'POST /api/diagnostics/action-plans': {
      succeeds: true,
      action: 'miss.explain',
      target: planTarget,
      request: (w) => ({ method: 'POST', url: '/api/diagnostics/action-plans', payload: { ...plan, reasonId: w.ids.get('diagnostics|reason')! } }),
    },
    'PUT /api/diagnostics/action-plans/{id}': {
      succeeds: true,
      action: 'miss.explain',
      target: planTarget,
      request: (w) => ({ method: 'PUT', url: `/api/diagnostics/action-plans/${w.ids.get('diagnostics|plan')!}`, payload: { ...plan, status: 'in_progress' } }),
    },
    'DELETE /api/diagnostics/action-plans/{id}': {
      // The first role allowed deletes it; later ones get 404 (allowed, not refused).
      action: 'miss.explain',
      target: planTarget,
      request: (w) => ({ method: 'DELETE', url: `/api/diagnostics/action-plans/${w.ids.get('diagnostics|plan-to-delete')!}` }),
    },
    'GET /api/diagnostics/pareto': {
      action: 'numbers.read',
      request: () => ({ method: 'GET', url: '/api/diagnostics/pareto?period=2025' }),
      items: (w, body) =>
        (body as { bars: { kpis: { scope: { type: string; id: number | null } }[] }[]; plans: { scope: { type: string; id: number | null } }[] }).bars
          .flatMap((b) => b.kpis.map((k) => targetOf(w, k.scope)))
          .concat((body as { plans: { scope: { type: string; id: number | null } }[] }).plans.map((p) => targetOf(w, p.scope))),
    },
    'GET /api/diagnostics/pareto.xlsx': {
      succeeds: true,
      action: 'numbers.read',
      request: () => ({ method: 'GET', url: '/api/diagnostics/pareto.xlsx?period=2025' }),
    },
    'GET /api/kpis/{code}/drivers': {
      action: 'numbers.read',
      scopes: SCOPES,
      request: (w, s) => ({ method: 'GET', url: `/api/kpis/REVENUE/drivers?period=2025-02&scope=${scopeQuery(w, s)}` }),
    },
  },
  async setup(admin, w) {
    const model = (await admin.get('/api/kpis/SALES_MB_REVENUE')).json().kpi as { ownerId: number };
    const created = await admin.post('/api/kpis', manualKpiBody(KPI, 'KPI chẩn đoán (ma trận quyền)', model.ownerId, { targets: [{ period: '2025', value: 1200 }] }));
    expect(created.statusCode, created.body).toBe(201);
    const scope = { type: 'unit', id: w.unit['KD-MB']! };
    expect((await admin.put(`/api/kpis/${KPI}/targets`, { scope, targets: [{ period: '2025-03', value: 100 }] })).statusCode).toBe(200);
    expect((await admin.post(`/api/kpis/${KPI}/checkins`, { period: '2025-03', scope, value: 1 })).statusCode).toBe(200);
    const reasons = await admin.put('/api/diagnostics/reasons', { kpi: KPI, scope, period: '2025-03', reasons: [{ reason: 'missing_skills' }] });
    expect(reasons.statusCode, reasons.body).toBe(200);
    const reasonId = reasons.json().item.reasons[0].id as number;
    w.ids.set('diagnostics|reason', reasonId);
    for (const key of ['diagnostics|plan', 'diagnostics|plan-to-delete']) {
      const res = await admin.post('/api/diagnostics/action-plans', { ...plan, reasonId });
      expect(res.statusCode, res.body).toBe(201);
      w.ids.set(key, res.json().plan.id as number);
    }
  },
};
