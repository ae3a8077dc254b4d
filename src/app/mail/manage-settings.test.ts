import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import type { Store } from '../ports';
import { testMailConnection } from './manage-settings';

describe.each(engines())('SMTP connection test on %s', (engine) => {
  let database: Database;
  let store: Store;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
  });
  afterAll(() => database.close());

  it('names a server that accepts the connection but never greets as a timeout (MAIL_TIMEOUT), not a 500', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)); // never says 220
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as AddressInfo).port;
    try {
      const error = await testMailConnection(store, SYSTEM_ACTOR, { smtpUrl: `smtp://127.0.0.1:${port}`, sendTestEmail: false }, 300).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'MAIL_TIMEOUT' });
      expect((error as { localized: { vi: string; en: string } }).localized.vi).toMatch(/^Máy chủ SMTP không trả lời kịp \(hết thời gian chờ\)\./);
      expect((error as { localized: { vi: string; en: string } }).localized.en).toMatch(/^The SMTP server did not answer in time \(timeout\)\./);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('says nothing is configured when there is no URL anywhere', async () => {
    await expect(testMailConnection(store, SYSTEM_ACTOR, { sendTestEmail: false })).rejects.toMatchObject({ code: 'MAIL_NOT_CONFIGURED' });
  });
});
