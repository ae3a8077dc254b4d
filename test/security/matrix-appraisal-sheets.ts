import { expect } from 'vitest';
import type { Target } from '../../src/core/auth/permissions';
import { salesTemplate } from '../helpers/appraisal-fixture';
import type { ApiClient } from '../helpers/api';
import { scopeTarget, type MatrixArea, type ScopeName, type World } from './matrix-world';

/**
 * Permission-matrix cases for the people-performance sheets routes (src/server/routes/appraisal-sheets.ts).
 * The set-up gives the three people of the person scopes a sheet in three cycles: one in "set targets"
 * (items, agreement), one in "self-assessment", one in "manager review" (review, approval, calibration, bonus
 * base). The own-sheet rule is not in the table: no acting role's own person is among these scopes (the admin
 * and the manager are not), and the rule has its own tests in appraisal-sheets.test.ts.
 */

const PEOPLE = ['person:nhanvien@minhan.vn', 'person:tuan.kieu@minhan.vn', 'person:an.nguyen@minhan.vn'] as const satisfies readonly ScopeName[];
const UNITS = ['unit:KD-MB', 'unit:MKT', 'unit:BGD'] as const satisfies readonly ScopeName[];
type Stage = 'targets' | 'self' | 'review';

const id = (w: World, key: string) => w.ids.get(key)!;
const sheetOf = (w: World, stage: Stage, s: ScopeName) => id(w, `sheet:${stage}|${s}`);
const itemOf = (w: World, stage: Stage, s: ScopeName, code: string) => id(w, `item:${stage}|${s}|${code}`);
const personTarget = (w: World, personId: number): Target => {
  const p = Object.values(w.person).find((x) => x.id === personId);
  return { scope: 'person', personId, unitId: p?.unitId ?? -1 };
};

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as { id: number };
}

/** The template's own items and weights, with the sheet's item ids: a no-op override. */
function sameItems(w: World, s: ScopeName) {
  const kpi = (code: string, weight: number, kpiCode: string) => ({ id: itemOf(w, 'targets', s, code), kind: 'kpi', group: 'output', code, name: { vi: code, en: code }, weight, kpiCode });
  return {
    groups: [
      { code: 'output', weight: 60 },
      { code: 'behavior', weight: 40 },
    ],
    items: [kpi('REV', 70, 'SALES_MB_REVENUE'), kpi('ORD', 30, 'ORDERS'), { id: itemOf(w, 'targets', s, 'ON_TIME'), kind: 'rated', group: 'behavior', code: 'ON_TIME', name: { vi: 'Đúng giờ', en: 'On time' }, weight: 100, scale: 5, levels: [] }],
  };
}

export const appraisalSheetsArea: MatrixArea = {
  async setup(admin: ApiClient, w: World) {
    const template = (await ok(admin.post('/api/appraisal/templates', salesTemplate('MX_SHEETS')))).id;
    const stages: [Stage, string][] = [
      ['targets', '2035'],
      ['self', '2036'],
      ['review', '2037'],
    ];
    for (const [stage, period] of stages) {
      const cycle = (await ok(admin.post('/api/appraisal/cycles', { code: `MX_SHEETS_${stage.toUpperCase()}`, name: `Kỳ ma trận ${stage}`, frequency: 'yearly', period, secondApproval: true }))).id;
      w.ids.set(`cycle:sheets-${stage}`, cycle);
      const personIds = PEOPLE.map((s) => w.person[s.slice(7)]!.id);
      await ok(admin.post(`/api/appraisal/cycles/${cycle}/assign`, { templateId: template, personIds }));
      if (stage !== 'targets') await ok(admin.post(`/api/appraisal/cycles/${cycle}/phase`, { phase: stage, reason: 'ma trận' }));
      const list = (await admin.get(`/api/appraisal/cycles/${cycle}/sheets`)).json() as { items: { id: number; personId: number }[] };
      for (const s of PEOPLE) {
        const sheetId = list.items.find((x) => x.personId === w.person[s.slice(7)]!.id)!.id;
        w.ids.set(`sheet:${stage}|${s}`, sheetId);
        w.ids.set(`sheetPerson:${sheetId}`, w.person[s.slice(7)]!.id);
        const sheet = (await admin.get(`/api/appraisal/sheets/${sheetId}`)).json() as { items: { id: number; code: string }[] };
        for (const i of sheet.items) w.ids.set(`item:${stage}|${s}|${i.code}`, i.id);
      }
    }
  },
  cases: {
    'GET /api/appraisal/cycles/{id}/sheets': {
      action: 'appraisal.read',
      request: (w) => ({ method: 'GET', url: `/api/appraisal/cycles/${id(w, 'cycle:sheets-targets')}/sheets` }),
      items: (_w, body) => (body as { items: { personId: number; unitId: number }[] }).items.map((s) => ({ scope: 'person', personId: s.personId, unitId: s.unitId })),
    },
    'GET /api/appraisal/my': {
      action: 'appraisal.read',
      request: () => ({ method: 'GET', url: '/api/appraisal/my' }),
      items: (_w, body) => (body as { items: { personId: number; unitId: number }[] }).items.map((s) => ({ scope: 'person', personId: s.personId, unitId: s.unitId })),
    },
    'GET /api/appraisal/sheets/{id}': {
      succeeds: true,
      action: 'appraisal.read',
      scopes: PEOPLE,
      request: (w, s) => ({ method: 'GET', url: `/api/appraisal/sheets/${sheetOf(w, 'targets', s)}` }),
    },
    'PUT /api/appraisal/sheets/{id}/items': {
      succeeds: true,
      action: 'appraisal.manage',
      scopes: PEOPLE,
      request: (w, s) => ({ method: 'PUT', url: `/api/appraisal/sheets/${sheetOf(w, 'targets', s)}/items`, payload: sameItems(w, s) }),
    },
    // Finalize is open in every agreement state, so each allowed request succeeds; accept/counter (appraisal.agree) are in the route tests.
    'POST /api/appraisal/sheets/{id}/items/{itemId}/agreement': {
      succeeds: true,
      action: 'appraisal.manage',
      scopes: PEOPLE,
      request: (w, s, _k, n) => ({
        method: 'POST',
        url: `/api/appraisal/sheets/${sheetOf(w, 'targets', s)}/items/${itemOf(w, 'targets', s, 'REV')}/agreement`,
        payload: { action: 'finalize', value: 1000 + n, reason: 'ma trận' },
      }),
    },
    'PUT /api/appraisal/sheets/{id}/self': {
      succeeds: true,
      action: 'appraisal.agree',
      scopes: PEOPLE,
      request: (w, s) => ({ method: 'PUT', url: `/api/appraisal/sheets/${sheetOf(w, 'self', s)}/self`, payload: { items: [{ id: itemOf(w, 'self', s, 'ON_TIME'), rating: 4, comment: 'Tự đánh giá' }] } }),
    },
    'PUT /api/appraisal/sheets/{id}/review': {
      succeeds: true,
      action: 'appraisal.review',
      scopes: PEOPLE,
      request: (w, s) => ({ method: 'PUT', url: `/api/appraisal/sheets/${sheetOf(w, 'review', s)}/review`, payload: { items: [{ id: itemOf(w, 'review', s, 'ON_TIME'), rating: 3, comment: 'Đạt' }] } }),
    },
    // Not reviewed (submitted) yet: an allowed caller gets 409 APPRAISAL_NOT_REVIEWED, a refused one 403.
    'POST /api/appraisal/sheets/{id}/approve': {
      action: 'appraisal.review',
      scopes: PEOPLE,
      request: (w, s) => ({ method: 'POST', url: `/api/appraisal/sheets/${sheetOf(w, 'review', s)}/approve` }),
    },
    'POST /api/appraisal/sheets/{id}/calibrate': {
      succeeds: true,
      action: 'appraisal.calibrate',
      scopes: PEOPLE,
      request: (w, s) => ({ method: 'POST', url: `/api/appraisal/sheets/${sheetOf(w, 'review', s)}/calibrate`, payload: { grade: 'B', reason: 'Hiệu chỉnh ma trận' } }),
    },
    'PUT /api/appraisal/sheets/{id}/bonus-base': {
      succeeds: true,
      action: 'appraisal.setup',
      scopes: PEOPLE,
      request: (w, s, _k, n) => ({ method: 'PUT', url: `/api/appraisal/sheets/${sheetOf(w, 'review', s)}/bonus-base`, payload: { base: 1_000_000 + n } }),
    },
    'GET /api/appraisal/cycles/{id}/consensus': {
      action: 'appraisal.read',
      request: (w) => ({ method: 'GET', url: `/api/appraisal/cycles/${id(w, 'cycle:sheets-targets')}/consensus` }),
      items: (w, body) => {
        const b = body as { units: { id: number }[]; people: { id: number }[] };
        return [...b.units.map((u): Target => ({ scope: 'unit', unitId: u.id })), ...b.people.map((p) => personTarget(w, p.id))];
      },
    },
    // Rows name people, not ids: each row is checked in the route tests; here the gate (appraisal.calibrate at all).
    'GET /api/appraisal/cycles/{id}/calibration': {
      action: 'appraisal.calibrate',
      request: (w) => ({ method: 'GET', url: `/api/appraisal/cycles/${id(w, 'cycle:sheets-review')}/calibration` }),
      items: () => [],
    },
    'POST /api/appraisal/cycles/{id}/pay': {
      action: 'appraisal.pay',
      request: (w) => ({ method: 'POST', url: `/api/appraisal/cycles/${id(w, 'cycle:sheets-review')}/pay`, payload: { whatIf: { rate: 2 } } }),
      items: (w, body) => (body as { rows: { sheetId: number }[] }).rows.map((r) => personTarget(w, id(w, `sheetPerson:${r.sheetId}`))),
    },
    'GET /api/appraisal/cycles/{id}/export.xlsx': {
      succeeds: true,
      action: 'appraisal.pay',
      scopes: UNITS,
      target: (w, s) => scopeTarget(w, s),
      request: (w, s) => ({ method: 'GET', url: `/api/appraisal/cycles/${id(w, 'cycle:sheets-review')}/export.xlsx?unitId=${w.unit[s.slice(5)]}` }),
    },
  },
};
