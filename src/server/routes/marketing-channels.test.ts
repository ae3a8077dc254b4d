import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { DEMO_AGENCY_LOGIN } from '../../app/demo/seed-marketing';

describe.each(engines())('PUT /api/marketing/channels/{id} on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let agency: ApiClient;
  let zalo: number;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    agency = await t.as(DEMO_AGENCY_LOGIN.email);
    zalo = ((await admin.get('/api/marketing/channels')).json().items as { id: number; code: string }[]).find((c) => c.code === 'ZALO')!.id;
  });
  afterAll(() => t.close());

  it('renames a channel (its code stays) with an audit row; the comparison shows the new name', async () => {
    const res = await admin.put(`/api/marketing/channels/${zalo}`, { name: 'Zalo Official Account' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: zalo, code: 'ZALO', name: 'Zalo Official Account' });
    const comparison = (await admin.get('/api/marketing/channel-comparison')).json().channels as { code: string; name: string }[];
    expect(comparison.find((c) => c.code === 'ZALO')!.name).toBe('Zalo Official Account');
    const audit = await t.store.audit.list({ entity: 'marketing_channel', limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'update', before: { name: 'Zalo OA' }, after: { name: 'Zalo Official Account' } });
  });

  it('refuses an agency (403), an unknown channel (404) and an empty name (400)', async () => {
    expect((await agency.put(`/api/marketing/channels/${zalo}`, { name: 'X' })).statusCode).toBe(403);
    expect((await admin.put('/api/marketing/channels/999999', { name: 'X' })).statusCode).toBe(404);
    const empty = await admin.put(`/api/marketing/channels/${zalo}`, { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues[0].path).toBe('name');
  });
});
