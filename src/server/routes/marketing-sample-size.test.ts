import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { DEMO_AGENCY_LOGIN } from '../../app/demo/seed-marketing';

/** The sample-size helper on a campaign: for whoever may read the campaign, an agency on its own campaign included. */
describe.each(engines())('POST /api/campaigns/{id}/sample-size on %s', (engine) => {
  let t: TestApp;
  let agency: ApiClient;
  let ids: Map<string, number>;

  beforeAll(async () => {
    t = await startTestApp(engine);
    agency = await t.as(DEMO_AGENCY_LOGIN.email);
    const admin = await t.as('admin@minhan.vn');
    ids = new Map(((await admin.get('/api/campaigns')).json().items as { id: number; code: string }[]).map((c) => [c.code, c.id]));
  });
  afterAll(() => t.close());

  it('an agency login gets the size for its campaign without dataset.read, and nothing for another campaign', async () => {
    // 20 % → 30 % at 95 % confidence and 80 % power: 293.15 → 294 people per survey (core/dataset/sample-size.ts).
    const own = await agency.post(`/api/campaigns/${ids.get('RA-MAT-SP')!}/sample-size`, { baseline: 0.2, lift: 0.1 });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ perSurvey: 294 });
    expect((await agency.post('/api/lift/sample-size', { baseline: 0.2, lift: 0.1 })).statusCode).toBe(403);
    expect((await agency.post(`/api/campaigns/${ids.get('CSKH-TRI-AN')!}/sample-size`, { baseline: 0.2, lift: 0.1 })).statusCode).toBe(403);
  });

  it('bad input is a 400 with the field', async () => {
    const bad = await agency.post(`/api/campaigns/${ids.get('RA-MAT-SP')!}/sample-size`, { baseline: 1.5, lift: 0.1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('baseline');
  });
});
