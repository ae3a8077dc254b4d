import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../test/helpers/api';
import { engines } from '../../test/helpers/db';

/**
 * Two people creating the same thing at the same moment: both requests pass the "is this code free?" check,
 * one insert wins, the other must get a 409 (never a 500) and nothing is written twice.
 */
describe.each(engines())('racing creates on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
  });
  afterAll(() => t.close());

  const rated = (code: string) => ({ kind: 'rated', code, name: { vi: code, en: code }, weight: 100, scale: 2, levels: [{ vi: 'Chưa đạt', en: 'Not yet' }, { vi: 'Đạt', en: 'Met' }] });
  const template = (code: string) => ({
    code,
    name: `Mẫu ${code}`,
    positionId: null,
    groups: [{ code: 'behavior', name: { vi: 'Hành vi', en: 'Behavior' }, weight: 100, items: [rated('ON_TIME')] }],
  });

  it.each([
    ['an evaluation sheet template', '/api/appraisal/templates', () => template('RACE_TPL'), '/api/appraisal/templates'],
    ['a position', '/api/positions', () => ({ code: 'race-pos', name: 'Chức danh đua' }), '/api/positions'],
  ])('creates %s once: one 201, the others 409, none 500', async (_what, url, payload, listUrl) => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => admin.post(url, payload())));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c >= 500)).toEqual([]);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c !== 201).every((c) => c === 409)).toBe(true);
    const items = (await admin.get(listUrl)).json().items as { code: string }[];
    expect(items.filter((i) => i.code === (payload() as { code: string }).code)).toHaveLength(1);
  });
});
