import { expect } from 'vitest';
import type { ApiClient } from './api';

/** Set-up for sheet tests through the set-up API (templates, cycles, assignment, phases), as the admin. */

const names = (vi: string, en: string) => ({ vi, en });
export const LEVELS5 = [1, 2, 3, 4, 5].map((n) => names(`Mức ${n}`, `Level ${n}`));

/** Output 60 (REV 70 on SALES_MB_REVENUE, ORD 30 on ORDERS) and Behavior 40 (ON_TIME rated 1–5). */
export function salesTemplate(code: string) {
  return {
    code,
    name: `Phiếu ${code}`,
    positionId: null,
    groups: [
      {
        code: 'output',
        name: names('Kết quả đầu ra', 'Output'),
        weight: 60,
        items: [
          { kind: 'kpi', code: 'REV', name: names('Doanh thu', 'Revenue'), weight: 70, kpiCode: 'SALES_MB_REVENUE' },
          { kind: 'kpi', code: 'ORD', name: names('Đơn hàng', 'Orders'), weight: 30, kpiCode: 'ORDERS' },
        ],
      },
      { code: 'behavior', name: names('Hành vi', 'Behavior'), weight: 40, items: [{ kind: 'rated', code: 'ON_TIME', name: names('Đúng giờ', 'On time'), weight: 100, scale: 5, levels: LEVELS5 }] },
    ],
  };
}

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as { id: number };
}

export async function createTemplate(admin: ApiClient, code: string): Promise<number> {
  return (await ok(admin.post('/api/appraisal/templates', salesTemplate(code)))).id;
}

export async function createCycle(admin: ApiClient, code: string, period: string, extra: object = {}): Promise<number> {
  return (await ok(admin.post('/api/appraisal/cycles', { code, name: `Kỳ ${code}`, frequency: 'yearly', period, ...extra }))).id;
}

/** Assigns the template to these people; returns their sheet ids by person id. */
export async function assign(admin: ApiClient, cycleId: number, templateId: number, personIds: number[]): Promise<Map<number, number>> {
  await ok(admin.post(`/api/appraisal/cycles/${cycleId}/assign`, { templateId, personIds }));
  const list = (await admin.get(`/api/appraisal/cycles/${cycleId}/sheets?limit=1000`)).json() as { items: { id: number; personId: number }[] };
  return new Map(list.items.map((s) => [s.personId, s.id]));
}

export async function movePhase(admin: ApiClient, cycleId: number, phase: string): Promise<void> {
  await ok(admin.post(`/api/appraisal/cycles/${cycleId}/phase`, { phase, reason: 'kiểm thử' }));
}

/** People of the demo company by e-mail. */
export async function peopleByEmail(admin: ApiClient): Promise<Map<string, { id: number; unitId: number; fullName: string }>> {
  const people = (await admin.get('/api/people?limit=500')).json().items as { id: number; email: string | null; unitId: number; fullName: string }[];
  return new Map(people.filter((p) => p.email).map((p) => [p.email!, p]));
}
