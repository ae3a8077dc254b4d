import type { Target } from '../../src/core/auth/permissions';
import type { KpiInfo, MatrixArea, World } from './matrix-world';

/** Every KPI's owner, measurer and unit, read at set-up: a company-scope item is about its KPI. */
let kpiInfo = new Map<string, KpiInfo>();

/** Where a listed measurement is: a company scope carries its KPI (owner, measurer, unit); units and people are themselves. */
function measurementTarget(w: World, item: { kpiCode: string; scope: { type: string; id: number | null } }): Target {
  if (item.scope.type === 'company') return { scope: 'company', kpi: kpiInfo.get(item.kpiCode)! };
  if (item.scope.type === 'unit') return { scope: 'unit', unitId: item.scope.id! };
  const person = Object.values(w.person).find((p) => p.id === item.scope.id)!;
  return { scope: 'person', personId: person.id, unitId: person.unitId };
}

const calendar = {
  workingDays: [1, 2, 3, 4, 5],
  remindBeforeDays: 2,
  escalateAfterDays: 2,
  escalate2AfterDays: 4,
  holidays: [{ day: '2026-09-02', name: 'Quốc khánh', nameEn: 'National Day' }],
};

/**
 * Permission-matrix cases of the calendar routes (src/server/routes/calendar.ts): the company calendar is read
 * with `company.read` and replaced with `company.manage`; the measurement calendar lists, for the whole company
 * (`scope=all`), only what `numbers.read` allows on each item's scope.
 */
export const calendarArea: MatrixArea = {
  cases: {
    'GET /api/company/calendar': { succeeds: true, action: 'company.read', request: () => ({ method: 'GET', url: '/api/company/calendar' }) },
    'PUT /api/company/calendar': { succeeds: true, action: 'company.manage', request: () => ({ method: 'PUT', url: '/api/company/calendar', payload: calendar }) },
    'GET /api/measurement-calendar': {
      succeeds: true,
      action: 'numbers.read',
      request: () => ({ method: 'GET', url: '/api/measurement-calendar?scope=all' }),
      items: (w, body) => (body as { items: { kpiCode: string; scope: { type: string; id: number | null } }[] }).items.map((i) => measurementTarget(w, i)),
    },
  },
  async setup(admin) {
    const kpis = (await admin.get('/api/kpis')).json().items as ({ code: string } & KpiInfo)[];
    kpiInfo = new Map(kpis.map((k) => [k.code, { ownerId: k.ownerId, measurerId: k.measurerId, ownerUnitId: k.ownerUnitId }]));
  },
};
