import { expect } from 'vitest';
import type { ApiClient } from '../helpers/api';
import { SCOPES, type MatrixArea, type World } from './matrix-world';

/** Permission-matrix cases for the people-performance setup routes (src/server/routes/appraisal-setup.ts). */

const names = (vi: string, en: string) => ({ vi, en });
const template = (code: string) => ({
  code,
  name: `Mẫu ma trận ${code}`,
  positionId: null,
  groups: [
    { code: 'output', name: names('Kết quả đầu ra', 'Output'), weight: 60, items: [{ kind: 'kpi', code: 'REV', name: names('Doanh thu', 'Revenue'), weight: 100, kpiCode: 'SALES_MB_REVENUE' }] },
    {
      code: 'behavior',
      name: names('Hành vi', 'Behavior'),
      weight: 40,
      items: [{ kind: 'rated', code: 'ON_TIME', name: names('Đúng giờ', 'On time'), weight: 100, scale: 2, levels: [names('Chưa', 'Not yet'), names('Đạt', 'Met')] }],
    },
  ],
});

/** Templates hold no one's data and cycles only count what the reader may read: readable by every role with the action at all. */
const anyone = () => [];
const NON_COMPANY = SCOPES.filter((s) => s !== 'company');
const id = (w: World, key: string) => w.ids.get(key)!;

async function created(res: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<number> {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return (r.json() as { id: number }).id;
}

export const appraisalSetupArea: MatrixArea = {
  async setup(admin: ApiClient, w: World) {
    w.ids.set('template', await created(admin.post('/api/appraisal/templates', template('MX_TEMPLATE'))));
    w.ids.set('template:archive', await created(admin.post('/api/appraisal/templates', template('MX_ARCHIVE'))));
    const cycle = (code: string, period: string) => created(admin.post('/api/appraisal/cycles', { code, name: `Kỳ ma trận ${code}`, frequency: 'quarterly', period }));
    w.ids.set('cycle:assign', await cycle('MX_ASSIGN', '2031-Q1'));
    w.ids.set('cycle:edit', await cycle('MX_EDIT', '2031-Q2'));
    w.ids.set('cycle:phase', await cycle('MX_PHASE', '2031-Q3'));
    const locked = await cycle('MX_LOCKED', '2031-Q4');
    await created(admin.post(`/api/appraisal/cycles/${locked}/phase`, { phase: 'locked', reason: 'ma trận' }));
    w.ids.set('cycle:locked', locked);
  },
  cases: {
    'GET /api/appraisal/templates': { action: 'appraisal.read', items: anyone, request: () => ({ method: 'GET', url: '/api/appraisal/templates' }) },
    'POST /api/appraisal/templates': {
      succeeds: true,
      action: 'appraisal.setup',
      request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/appraisal/templates', payload: template(`MX_T${n}`) }),
    },
    'GET /api/appraisal/templates/{id}': { action: 'appraisal.read', items: anyone, request: (w) => ({ method: 'GET', url: `/api/appraisal/templates/${id(w, 'template')}` }) },
    'PUT /api/appraisal/templates/{id}': {
      succeeds: true,
      action: 'appraisal.setup',
      request: (w) => ({ method: 'PUT', url: `/api/appraisal/templates/${id(w, 'template')}`, payload: template('MX_TEMPLATE') }),
    },
    'POST /api/appraisal/templates/{id}/archive': {
      succeeds: true,
      action: 'appraisal.setup',
      request: (w) => ({ method: 'POST', url: `/api/appraisal/templates/${id(w, 'template:archive')}/archive` }),
    },
    'GET /api/appraisal/bonus-rules': { action: 'appraisal.pay', items: anyone, request: () => ({ method: 'GET', url: '/api/appraisal/bonus-rules' }) },
    'POST /api/appraisal/bonus-rules': {
      succeeds: true,
      action: 'appraisal.setup',
      request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/appraisal/bonus-rules', payload: { effectiveFrom: `${2100 + (n % 800)}-01-01`, rate: 1, coefficients: 'score', roundStep: 1000 } }),
    },
    'GET /api/appraisal/cycles': { action: 'appraisal.read', items: anyone, request: () => ({ method: 'GET', url: '/api/appraisal/cycles' }) },
    'POST /api/appraisal/cycles': {
      succeeds: true,
      action: 'appraisal.setup',
      request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/appraisal/cycles', payload: { code: `MX_C${n}`, name: `Kỳ ${n}`, frequency: 'yearly', period: '2032' } }),
    },
    'GET /api/appraisal/cycles/{id}': { action: 'appraisal.read', items: anyone, request: (w) => ({ method: 'GET', url: `/api/appraisal/cycles/${id(w, 'cycle:edit')}` }) },
    'PATCH /api/appraisal/cycles/{id}': {
      succeeds: true,
      action: 'appraisal.setup',
      request: (w) => ({ method: 'PATCH', url: `/api/appraisal/cycles/${id(w, 'cycle:edit')}`, payload: { name: 'Kỳ ma trận (đổi tên)', secondApproval: true } }),
    },
    'POST /api/appraisal/cycles/{id}/phase': {
      succeeds: true,
      action: 'appraisal.setup',
      request: (w) => ({ method: 'POST', url: `/api/appraisal/cycles/${id(w, 'cycle:phase')}/phase`, payload: { phase: 'agree' } }),
    },
    'POST /api/appraisal/cycles/{id}/reopen': {
      succeeds: true,
      action: 'appraisal.lock',
      request: (w) => ({ method: 'POST', url: `/api/appraisal/cycles/${id(w, 'cycle:locked')}/reopen`, payload: { reason: 'Kiểm thử quyền mở lại' } }),
    },
    'POST /api/appraisal/cycles/{id}/assign': {
      succeeds: true,
      action: 'appraisal.manage',
      scopes: NON_COMPANY,
      request: (w, s) => {
        const [type, key] = s.split(':') as ['unit' | 'person', string];
        const who = type === 'unit' ? { unitId: w.unit[key]! } : { personIds: [w.person[key]!.id] };
        return { method: 'POST', url: `/api/appraisal/cycles/${id(w, 'cycle:assign')}/assign`, payload: { templateId: id(w, 'template'), ...who } };
      },
    },
  },
};
