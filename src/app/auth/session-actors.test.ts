import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { twoConnections } from '../../../test/helpers/two-connections';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { buildApp } from '../../server/app';
import { seedDemo } from '../demo/seed-demo';

const appOn = (database: Database) =>
  buildApp({ store: createStore(database.db), engine: database.engine, version: 'test', now: () => new Date(), loginRateLimit: { max: 1000, timeWindow: '1 minute' } });

// Each instance keeps signed-in sessions in memory for up to 30 s; what ends a session on one must end it on all.
describe.each(engines())('sessions across two app instances on %s', (engine) => {
  let db: Awaited<ReturnType<typeof twoConnections>>;
  let appA: Awaited<ReturnType<typeof appOn>>;
  let appB: Awaited<ReturnType<typeof appOn>>;

  beforeAll(async () => {
    db = await twoConnections(engine);
    await seedDemo(createStore(db.first.db));
    [appA, appB] = [await appOn(db.first), await appOn(db.second)];
  });
  afterAll(async () => {
    await appA.close();
    await appB.close();
    await db.close();
  });

  it('a logout on one instance ends the session on the other at once, though the other had it cached', async () => {
    const onA = await ApiClient.signedIn(appA, 'nhanvien@minhan.vn');
    const onB = onA.on(appB);
    expect((await onB.get('/api/auth/me')).statusCode).toBe(200); // B caches the session
    expect((await onA.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await onB.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a password change on one instance ends the other sessions on every instance', async () => {
    const here = await ApiClient.signedIn(appA, 'an.nguyen@minhan.vn');
    const elsewhere = (await ApiClient.signedIn(appA, 'an.nguyen@minhan.vn')).on(appB);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(200);
    const changed = await here.post('/api/auth/password', { currentPassword: 'openkpi-demo', newPassword: 'mat-khau-moi-2026' });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.on(appB).get('/api/auth/me')).statusCode).toBe(200); // the session that made the change stays
  });

  it('a role change on one instance is what the other enforces next', async () => {
    const admin = await ApiClient.signedIn(appA, 'admin@minhan.vn');
    const manager = (await ApiClient.signedIn(appA, 'truong.kd@minhan.vn')).on(appB);
    expect(((await manager.get('/api/auth/me')).json() as { user: { role: string } }).user.role).toBe('manager');
    const users = (await admin.get('/api/users')).json() as { items: { id: number; email: string }[] };
    const id = users.items.find((u) => u.email === 'truong.kd@minhan.vn')!.id;
    const res = await admin.patch(`/api/users/${id}`, { role: 'viewer' });
    expect(res.statusCode, res.body).toBe(200);
    expect(((await manager.get('/api/auth/me')).json() as { user: { role: string } }).user.role).toBe('viewer');
  });
});
