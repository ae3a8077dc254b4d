import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, canAtAll, type Subject, type Target } from '../../src/core/auth/permissions';
import { startTestApp, type ApiClient, type TestApp } from '../helpers/api';
import { engines } from '../helpers/db';
import { manualKpiBody } from '../helpers/kpi-body';
import { multipartFile } from '../helpers/multipart';
import { documentedRoutes } from '../helpers/routes';
import { appraisalSetupArea } from './matrix-appraisal-setup';
import { appraisalSheetsArea } from './matrix-appraisal-sheets';
import { datasetQueriesArea } from './matrix-dataset-queries';
import { datasetsArea } from './matrix-datasets';
import { kpiBindingArea } from './matrix-kpi-binding';
import { marketingArea } from './matrix-marketing';
import { diagnosticsArea } from './matrix-diagnostics';
import { calendarArea } from './matrix-calendar';
import { notificationsArea } from './matrix-notifications';
import { reportsArea } from './matrix-reports';
import { subscriptionsArea } from './matrix-subscriptions';
import { LOGINS, SCOPES, scopeBody, scopeQuery, scopeTarget, type Case, type KpiInfo, type MatrixArea, type Role, type ScopeName, type World } from './matrix-world';

const AREAS: MatrixArea[] = [appraisalSetupArea, appraisalSheetsArea, datasetQueriesArea, datasetsArea, marketingArea, kpiBindingArea, diagnosticsArea, calendarArea, notificationsArea, reportsArea, subscriptionsArea];

/**
 * Every route of the OpenAPI document × every role × scopes that are the user's own, in their subtree, or
 * outside it. The expected answer is the permission table's; a refusal must be 403 and change nothing,
 * and listings must hold nothing the table hides. A route without a case here fails the test.
 */

const KPI_IN = 'SALES_MB_REVENUE'; // owner lan.hoang (KD-MB), measurer huong.le (KT)
const KPI_OUT = 'WEB_TRAFFIC'; // owner truong.mkt (MKT)
const KPI_COMPANY = 'REVENUE'; // owner an.nguyen (BGD, the viewer), measurer ktt
const NUMBER_KPIS = [KPI_IN, KPI_OUT, KPI_COMPANY] as const;

const draftKpi = (code: string, ownerId: number | null) => manualKpiBody(code, `KPI kiểm thử quyền ${code}`, ownerId, { status: 'draft' });

function ownerOf(w: World, scope: ScopeName): number | null {
  if (scope === 'company') return null;
  const [type, key] = scope.split(':') as ['unit' | 'person', string];
  if (type === 'person') return w.person[key]!.id;
  const head = { 'KD-MB': 'lan.hoang@minhan.vn', MKT: 'truong.mkt@minhan.vn', BGD: 'an.nguyen@minhan.vn' }[key]!;
  return w.person[head]!.id;
}

const editTarget = (w: World, scope: ScopeName): Target => {
  const owner = ownerOf(w, scope);
  if (owner === null) return { scope: 'company' };
  const unitId = Object.values(w.person).find((p) => p.id === owner)!.unitId;
  return { scope: 'unit', unitId };
};

const NON_COMPANY = SCOPES.filter((s) => s !== 'company');
const UNITS = ['unit:KD-MB', 'unit:MKT', 'unit:BGD'] as const;

let kpiInfo: Map<string, KpiInfo>;

const CORE_CASES: Record<string, Case> = {
  'GET /api/health': { action: 'kpi.read', skip: 'public' },
  'GET /api/auth/csrf': { action: 'kpi.read', skip: 'public' },
  'POST /api/auth/login': { action: 'kpi.read', skip: 'public' },
  'GET /api/auth/session': { action: 'kpi.read', skip: 'public' },
  'POST /api/auth/logout': { action: 'kpi.read', skip: 'every signed-in user; ends only their own session (auth tests)' },
  'GET /api/auth/me': { action: 'kpi.read', skip: 'every signed-in user; their own account only (auth tests)' },
  'PATCH /api/auth/me': { action: 'kpi.read', skip: 'every signed-in user; their own account only (auth tests)' },
  'POST /api/auth/password': { action: 'kpi.read', skip: 'every signed-in user; their own password only (auth tests)' },
  'POST /api/v1/actuals': { action: 'actual.write', skip: 'bearer tokens, not sessions: scoped by the token (api-v1 tests)' },

  'GET /api/users': { action: 'user.manage', request: () => ({ method: 'GET', url: '/api/users' }) },
  'POST /api/users': {
    action: 'user.manage',
    request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/users', payload: { email: `matrix${n}@minhan.vn`, name: 'Ma Trận', role: 'employee', password: 'mat-khau-dai-1', locale: 'vi' } }),
  },
  // User #1 is the demo viewer (an.nguyen, first of DEMO_LOGINS): the change keeps their role, so the matrix's subjects stay true.
  'PATCH /api/users/{id}': { action: 'user.manage', request: () => ({ method: 'PATCH', url: '/api/users/1', payload: { role: 'viewer', active: true } }) },
  'POST /api/users/{id}/reset-link': { action: 'user.manage', request: () => ({ method: 'POST', url: '/api/users/1/reset-link' }) },
  'POST /api/auth/reset': { action: 'kpi.read', skip: 'public: the one-time token is the permission (accounts tests)' },
  'GET /api/company': { action: 'company.read', request: () => ({ method: 'GET', url: '/api/company' }) },
  'PUT /api/company': {
    action: 'company.manage',
    request: () => ({ method: 'PUT', url: '/api/company', payload: { name: 'Công ty TNHH Thương mại Minh An', timezone: 'Asia/Ho_Chi_Minh', currency: 'VND', locale: 'vi-VN', fiscalYearStartMonth: 1 } }),
  },
  'GET /api/org-units': { action: 'unit.read', request: () => ({ method: 'GET', url: '/api/org-units' }) },
  'GET /api/org-units/summary': {
    action: 'person.read',
    request: () => ({ method: 'GET', url: '/api/org-units/summary' }),
    items: (_w, body) => (body as { items: { unitId: number }[] }).items.map((u) => ({ scope: 'unit', unitId: u.unitId })),
  },
  'POST /api/org-units': {
    action: 'unit.manage',
    scopes: ['company', ...UNITS],
    request: (w, s, _k, n) => ({ method: 'POST', url: '/api/org-units', payload: { code: `MX-${n}`, name: `Nhóm ${n}`, parentId: s === 'company' ? null : w.unit[s.slice(5)]! } }),
  },
  'PATCH /api/org-units/{id}': {
    action: 'unit.manage',
    scopes: UNITS,
    request: (w, s) => ({ method: 'PATCH', url: `/api/org-units/${w.unit[s.slice(5)]}`, payload: { name: `${s.slice(5)} (đổi tên)` } }),
  },
  'GET /api/positions': { action: 'position.read', request: () => ({ method: 'GET', url: '/api/positions' }) },
  'POST /api/positions': { action: 'position.manage', request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/positions', payload: { code: `mx-${n}`, name: `Chức danh ${n}` } }) },
  'GET /api/people': {
    action: 'person.read',
    request: () => ({ method: 'GET', url: '/api/people?limit=500' }),
    items: (_w, body) => (body as { items: { id: number; unitId: number }[] }).items.map((p) => ({ scope: 'person', personId: p.id, unitId: p.unitId })),
  },
  'GET /api/people/{id}': {
    action: 'person.read',
    scopes: NON_COMPANY.filter((s) => s.startsWith('person')),
    request: (w, s) => ({ method: 'GET', url: `/api/people/${w.person[s.slice(7)]!.id}` }),
  },
  'POST /api/people': {
    action: 'person.manage',
    scopes: UNITS,
    request: (w, s, _k, n) => ({ method: 'POST', url: '/api/people', payload: { fullName: `Người Mới ${n}`, email: `moi${n}@minhan.vn`, unitId: w.unit[s.slice(5)]! } }),
  },
  'PATCH /api/people/{id}': {
    action: 'person.manage',
    scopes: NON_COMPANY.filter((s) => s.startsWith('person')),
    request: (w, s) => ({ method: 'PATCH', url: `/api/people/${w.person[s.slice(7)]!.id}`, payload: { positionId: null } }),
  },
  'POST /api/people/import': {
    action: 'person.manage',
    gate: 'person.import',
    scopes: UNITS,
    request: (_w, s, _k, n) => ({
      method: 'POST',
      url: '/api/people/import',
      ...multipartFile('file', 'p.csv', `Họ và tên,Email,Mã phòng ban,Chức danh,Email quản lý\nNhập Mới ${n},nhap${n}@minhan.vn,${s.slice(5)},,\n`),
    }),
  },
  'GET /api/audit': { action: 'audit.read', request: () => ({ method: 'GET', url: '/api/audit' }) },

  'GET /api/kpis': { action: 'kpi.read', request: () => ({ method: 'GET', url: '/api/kpis' }) },
  'GET /api/kpi-templates': { action: 'kpi.read', request: () => ({ method: 'GET', url: '/api/kpi-templates' }) },
  'GET /api/kpis/{code}': { action: 'kpi.read', request: () => ({ method: 'GET', url: `/api/kpis/${KPI_OUT}` }) },
  'POST /api/kpis/smart-check': { action: 'kpi.read', request: () => ({ method: 'POST', url: '/api/kpis/smart-check', payload: { name: 'Doanh thu' } }) },
  'POST /api/kpis': {
    action: 'kpi.edit',
    scopes: SCOPES,
    target: (w, s) => editTarget(w, s),
    request: (w, s, _k, n) => ({ method: 'POST', url: '/api/kpis', payload: draftKpi(`MX_NEW_${n}`, ownerOf(w, s)) }),
  },
  'PUT /api/kpis/{code}': {
    action: 'kpi.edit',
    scopes: SCOPES,
    target: (w, s) => editTarget(w, s),
    request: (w, s) => ({ method: 'PUT', url: `/api/kpis/${w.kpiOwnedIn[s]}`, payload: draftKpi(w.kpiOwnedIn[s], ownerOf(w, s)) }),
  },
  'POST /api/kpis/{code}/archive': {
    action: 'kpi.edit',
    scopes: SCOPES,
    target: (w, s) => editTarget(w, s),
    request: (w, s) => ({ method: 'POST', url: `/api/kpis/${w.kpiOwnedIn[s]}/archive` }),
  },

  'GET /api/kpis/{code}/targets': {
    action: 'numbers.read',
    kpis: NUMBER_KPIS,
    request: (_w, _s, k) => ({ method: 'GET', url: `/api/kpis/${k}/targets` }),
    items: (w, body) => (body as { items: { scope: { type: string; id: number | null } }[] }).items.map((t) => targetOfScope(w, t.scope)),
  },
  'PUT /api/kpis/{code}/targets': {
    succeeds: true,
    action: 'target.set',
    scopes: SCOPES,
    kpis: NUMBER_KPIS,
    request: (w, s, k) => ({ method: 'PUT', url: `/api/kpis/${k}/targets`, payload: { scope: scopeBody(w, s), targets: [{ period: '2027', value: 1000 }] } }),
  },
  'POST /api/kpis/{code}/cascade': {
    action: 'target.set',
    scopes: SCOPES,
    kpis: NUMBER_KPIS,
    // From the scope to itself: allowed only with target.set there (the source and every receiver need it).
    request: (w, s, k) => ({ method: 'POST', url: `/api/kpis/${k}/cascade`, payload: { period: '2026', from: scopeBody(w, s), to: [{ scope: scopeBody(w, s), weight: 1 }] } }),
  },
  'GET /api/kpis/{code}/target-check': {
    action: 'numbers.read',
    kpis: NUMBER_KPIS,
    request: (_w, _s, k) => ({ method: 'GET', url: `/api/kpis/${k}/target-check?period=2026` }),
  },

  'GET /api/scorecard': {
    succeeds: true, action: 'numbers.read', scopes: SCOPES, request: (w, s) => ({ method: 'GET', url: `/api/scorecard?period=2026-06&scope=${scopeQuery(w, s)}` }) },
  'GET /api/strategy-map': { action: 'numbers.read', request: () => ({ method: 'GET', url: '/api/strategy-map?period=2026-06' }) },
  'GET /api/kpis/{code}/series': {
    action: 'numbers.read',
    scopes: SCOPES,
    kpis: [KPI_IN],
    request: (w, s, k) => ({ method: 'GET', url: `/api/kpis/${k}/series?scope=${scopeQuery(w, s)}` }),
  },
  'GET /api/dashboard/units': {
    action: 'numbers.read',
    request: () => ({ method: 'GET', url: '/api/dashboard/units?period=2026-06' }),
    items: (_w, body) => (body as { units: { id: number }[] }).units.map((u) => ({ scope: 'unit', unitId: u.id })),
  },
  'GET /api/dashboard/units/{id}/kpis': {
    succeeds: true,
    action: 'numbers.read',
    scopes: UNITS,
    request: (w, s) => ({ method: 'GET', url: `/api/dashboard/units/${w.unit[s.slice(5)]}/kpis?period=2026-06` }),
  },
  'GET /api/overview': {
    action: 'numbers.read',
    request: () => ({ method: 'GET', url: '/api/overview' }),
    items: (w, body) => {
      const b = body as Record<'lateReports' | 'unallocatedTargets', { items: { kpiCode: string; scope: { type: string; id: number | null } }[] }>;
      return [...b.lateReports.items, ...b.unallocatedTargets.items].map((i) =>
        i.scope.type === 'company' ? { scope: 'company', kpi: kpiInfo.get(i.kpiCode) } : targetOfScope(w, i.scope),
      );
    },
  },

  'POST /api/kpis/{code}/checkins': {
    succeeds: true,
    action: 'actual.write',
    scopes: SCOPES,
    kpis: NUMBER_KPIS,
    request: (w, s, k, n) => ({ method: 'POST', url: `/api/kpis/${k}/checkins`, payload: { period: '2026-03', scope: scopeBody(w, s), value: 1000 + n } }),
  },
  'GET /api/kpis/{code}/actuals': {
    succeeds: true,
    action: 'numbers.read',
    scopes: SCOPES,
    kpis: NUMBER_KPIS,
    request: (w, s, k) => ({ method: 'GET', url: `/api/kpis/${k}/actuals?scope=${scopeQuery(w, s)}` }),
  },
  'GET /api/actuals/{id}/versions': {
    succeeds: true,
    action: 'numbers.read',
    scopes: SCOPES,
    kpis: NUMBER_KPIS,
    request: (w, s, k) => ({ method: 'GET', url: `/api/actuals/${w.actualId.get(`${k}|${s}`)}/versions` }),
  },
  'POST /api/actuals/{id}/evidence': {
    succeeds: true,
    action: 'actual.write',
    scopes: SCOPES,
    kpis: NUMBER_KPIS,
    request: (w, s, k) => ({ method: 'POST', url: `/api/actuals/${w.actualId.get(`${k}|${s}`)}/evidence`, ...multipartFile('file', 'minh-chung.txt', 'hoá đơn', 'text/plain') }),
  },
  'GET /api/evidence/{id}': {
    succeeds: true,
    action: 'numbers.read',
    scopes: SCOPES,
    kpis: NUMBER_KPIS,
    request: (w, s, k) => ({ method: 'GET', url: `/api/evidence/${w.evidenceId.get(`${k}|${s}`)}` }),
  },
  'POST /api/actuals/import/preview': {
    action: 'actual.import',
    request: () => ({ method: 'POST', url: '/api/actuals/import/preview', ...multipartFile('file', 'a.csv', `kpi,period,value\n${KPI_IN},2026-04,5\n`) }),
  },
  'POST /api/actuals/import': {
    succeeds: true,
    action: 'actual.write',
    gate: 'actual.import',
    scopes: SCOPES,
    kpis: NUMBER_KPIS,
    request: (w, s, k, n) => {
      const b = scopeBody(w, s);
      const unit = b.type === 'unit' ? s.slice(5) : '';
      const person = b.type === 'person' ? s.slice(7) : '';
      return { method: 'POST', url: '/api/actuals/import', ...multipartFile('file', 'a.csv', `kpi,period,unit,person,value\n${k},2026-05,${unit},${person},${2000 + n}\n`) };
    },
  },
  'GET /api/api-tokens': { action: 'api-token.manage', request: () => ({ method: 'GET', url: '/api/api-tokens' }) },
  'POST /api/api-tokens': {
    action: 'api-token.manage',
    request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/api-tokens', payload: { name: `Tích hợp ${n}`, kpiCodes: [KPI_IN] } }),
  },
  'POST /api/api-tokens/{id}/revoke': { action: 'api-token.manage', request: () => ({ method: 'POST', url: '/api/api-tokens/1/revoke' }) },
};

const CASES: Record<string, Case> = Object.assign({}, CORE_CASES, ...AREAS.map((a) => a.cases));

function targetOfScope(w: World, scope: { type: string; id: number | null }): Target {
  if (scope.type === 'unit') return { scope: 'unit', unitId: scope.id! };
  if (scope.type === 'person') {
    const p = Object.values(w.person).find((x) => x.id === scope.id);
    return { scope: 'person', personId: scope.id!, unitId: p?.unitId ?? -1 };
  }
  return { scope: 'company' };
}

/** Managers' and viewers' subtrees: their unit and every unit below it, now (units are created during the run). */
async function refreshSubtrees(admin: ApiClient, w: World): Promise<void> {
  const units = (await admin.get('/api/org-units')).json().items as { id: number; parentId: number | null }[];
  const below = (root: number) => {
    const ids = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units) if (u.parentId !== null && ids.has(u.parentId) && !ids.has(u.id)) grew = ids.add(u.id) !== null;
    }
    return ids;
  };
  w.subjects.manager.subtree = below(w.unit.KD!);
  w.subjects.viewer.subtree = below(w.unit.BGD!);
}

/** Counts and last-change stamps of everything a request could write. */
async function fingerprint(t: TestApp): Promise<string> {
  const r = await sql<{ f: string }>`
    SELECT concat_ws('|',
      (SELECT count(*) FROM audit_log),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM kpi_actuals),
      (SELECT count(*) FROM kpi_actual_versions),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM kpi_targets),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM kpis),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM people),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM org_units),
      (SELECT count(*) FROM positions), (SELECT count(*) FROM users), (SELECT count(*) FROM kpi_evidence),
      (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL), (SELECT max(updated_at)::text FROM company),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM appraisal_templates),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM appraisal_cycles),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM appraisal_sheets),
      (SELECT count(*) || '/' || coalesce(max(row_count)::text, '') || '/' || coalesce(max(updated_at)::text, '') FROM datasets),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM campaigns), (SELECT count(*) FROM marketing_channels),
      (SELECT count(*) FROM campaign_channels), (SELECT count(*) FROM campaign_agency_users),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM campaign_results),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM awareness_surveys),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM kpi_miss_reasons),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM kpi_action_plans),
      (SELECT count(*) || '/' || count(read_at) FROM notifications),
      (SELECT md5(coalesce(string_agg(concat_ws(',', user_id, category, email), ';' ORDER BY user_id, category), '')) FROM notification_preferences),
      (SELECT count(*) FROM company_holidays), (SELECT count(*) FROM reminder_log), (SELECT count(*) FROM mail_outbox),
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM webhooks), (SELECT count(*) FROM webhook_deliveries),
      (SELECT count(*) FROM report_subscriptions),
      (SELECT count(*) FROM appraisal_bonus_rules), (SELECT count(*) FROM appraisal_target_versions), (SELECT count(*) FROM appraisal_calibrations),
      (SELECT md5(coalesce(string_agg(concat_ws(',', id, weight, target, target_status, self_rating, self_comment, manager_rating, manager_comment), ';' ORDER BY id), ''))
         FROM appraisal_items)) AS f`.execute(t.database.db);
  return r.rows[0]!.f;
}

describe.each(engines())('route × role × scope permission matrix on %s', (engine) => {
  let t: TestApp;
  const clients = {} as Record<Role, ApiClient>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp(engine);
    for (const role of Object.keys(LOGINS) as Role[]) clients[role] = await t.as(LOGINS[role]);
    const admin = clients.admin;
    const units = (await admin.get('/api/org-units')).json().items as { id: number; code: string }[];
    const people = (await admin.get('/api/people?limit=500')).json().items as { id: number; email: string | null; unitId: number }[];
    const unit = Object.fromEntries(units.map((u) => [u.code, u.id]));
    const person = Object.fromEntries(people.filter((p) => p.email).map((p) => [p.email!, { id: p.id, unitId: p.unitId }]));
    const users = Object.fromEntries(((await admin.get('/api/users')).json().items as { id: number; email: string }[]).map((u) => [u.email, u.id]));
    // The subjects worked out from the demo org chart by hand, not asked from the server.
    const subjects: Record<Role, Subject> = {
      admin: { role: 'admin', personId: person['admin@minhan.vn']!.id, unitId: unit.BGD!, subtree: 'all' },
      manager: { role: 'manager', personId: person['truong.kd@minhan.vn']!.id, unitId: unit.KD!, subtree: new Set() },
      employee: { role: 'employee', personId: person['nhanvien@minhan.vn']!.id, unitId: unit['KD-MB']!, subtree: new Set() },
      viewer: { role: 'viewer', personId: person['an.nguyen@minhan.vn']!.id, unitId: unit.BGD!, subtree: new Set() },
      // An agency login has no person and no unit: only the campaigns assigned to its login.
      agency: { role: 'agency', userId: users[LOGINS.agency]!, personId: null, unitId: null, subtree: new Set() },
    };
    w = { unit, person, subjects, kpiOwnedIn: {} as World['kpiOwnedIn'], actualId: new Map(), evidenceId: new Map(), ids: new Map() };

    for (const [i, s] of SCOPES.entries()) {
      const code = `MX_OWNED_${i}`;
      w.kpiOwnedIn[s] = code;
      expect((await admin.post('/api/kpis', draftKpi(code, ownerOf(w, s)))).statusCode).toBe(201);
    }
    const kpis = (await admin.get('/api/kpis')).json().items as ({ code: string } & KpiInfo)[];
    kpiInfo = new Map(kpis.map((k) => [k.code, { ownerId: k.ownerId, measurerId: k.measurerId, ownerUnitId: k.ownerUnitId }]));
    for (const k of NUMBER_KPIS) {
      for (const s of SCOPES) {
        const res = await admin.post(`/api/kpis/${k}/checkins`, { period: '2025-02', scope: scopeBody(w, s), value: 7 });
        expect(res.statusCode, res.body).toBe(200);
        const id = res.json().id as number;
        w.actualId.set(`${k}|${s}`, id);
        const ev = await admin.request({ method: 'POST', url: `/api/actuals/${id}/evidence`, ...multipartFile('file', 'hd.txt', 'hoá đơn', 'text/plain') });
        expect(ev.statusCode, ev.body).toBe(201);
        w.evidenceId.set(`${k}|${s}`, ev.json().id as number);
      }
    }
    for (const area of AREAS) await area.setup?.(admin, w);
  });
  afterAll(() => t.close());

  it('has a case for every route of the OpenAPI document', async () => {
    const routes = await documentedRoutes(t.app);
    const missing = routes.map((r) => `${r.method} ${r.path}`).filter((k) => !(k in CASES));
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('allows exactly what the table allows, refuses the rest with 403 and no change, and lists nothing the table hides', async () => {
    const failures: string[] = [];
    let n = 0;
    let checked = 0;
    // Viewer, employee and manager first: the admin's writes (archives, renames) must not decide the others' answers.
    for (const role of ['agency', 'viewer', 'employee', 'manager', 'admin'] as Role[]) {
      for (const [key, c] of Object.entries(CASES)) {
        if (c.skip || !c.request) continue;
        await refreshSubtrees(clients.admin, w);
        const subject = w.subjects[role];
        for (const kpi of c.kpis ?? ['']) {
          for (const scope of c.scopes ?? (['company'] as const)) {
            n++;
            const target = c.target ? c.target(w, scope, kpi) : scopeTarget(w, scope, kpi || undefined, kpiInfo);
            const passesGate = c.gate === undefined || canAtAll(subject, c.gate);
            const allowed = c.items ? canAtAll(subject, c.action) : passesGate && can(subject, c.action, target);
            const req = c.request(w, scope, kpi, n);
            const mutating = req.method !== 'GET';
            const before = mutating ? await fingerprint(t) : '';
            const res = await clients[role].request(req as never);
            const label = `${role} ${key} kpi=${kpi || '-'} scope=${scope} → ${res.statusCode}`;
            checked++;
            if (res.statusCode >= 500 || res.statusCode === 401) failures.push(`${label} (unexpected) ${res.body.slice(0, 200)}`);
            else if (allowed && res.statusCode === 403) failures.push(`${label}: refused but the table allows it`);
            else if (allowed && c.succeeds && res.statusCode >= 300) failures.push(`${label}: allowed but failed ${res.body.slice(0, 200)}`);
            else if (!allowed) {
              const rowRefused = c.gate !== undefined && passesGate && res.statusCode >= 400 && res.statusCode < 500;
              if (res.statusCode !== 403 && !rowRefused) failures.push(`${label}: allowed but the table refuses it ${res.body.slice(0, 160)}`);
              if (mutating && (await fingerprint(t)) !== before) failures.push(`${label}: a refused request changed data`);
            } else if (c.items && res.statusCode === 200) {
              for (const item of c.items(w, res.json())) {
                if (!can(subject, c.action, item)) failures.push(`${label}: lists ${JSON.stringify(item)} which the table hides`);
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(600);
    // Thousands of requests, each mutating one fingerprinted before and after: minutes on a busy 2-core machine.
  }, 600_000);
});
