import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { notify } from '../notifications/notify';
import type { Store } from '../ports';
import { deliverWebhooks } from './job';

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real receiver on port 0 that answers with the given codes in turn (the last one repeats); 'hang' never answers. */
async function receiver(answers: (number | 'hang')[]) {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers[Math.min(hits.length - 1, answers.length - 1)]!;
      if (answer !== 'hang') res.writeHead(answer).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hits,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const T0 = new Date('2026-06-01T02:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const SECRET = 'a-shared-secret-of-the-chat-tool';

describe.each(engines())('webhook delivery on %s', (engine) => {
  let database: Database;
  let store: Store;
  let userId: number;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    userId = (await store.users.create({ email: 'owner@minhan.vn', name: 'Owner', passwordHash: 'x', role: 'manager', locale: 'vi' })).id;
  });
  afterAll(() => database.close());

  const redNotice = (key: string) =>
    notify(
      store,
      {
        userId,
        category: 'alerts',
        kind: 'kpi.red',
        text: () => ({ title: 'Doanh thu đỏ', body: 'Đạt 72%.' }),
        dedupeKey: key,
        event: { name: 'kpi.red', payload: { kpi: 'DT', period: '2026-05', achievement: 0.72 } },
      },
      T0,
    );

  it('POSTs a signed body, retries a 500 with backoff and logs each response code', async () => {
    const hook = await receiver([500, 200]);
    try {
      const created = await store.webhooks.create({ name: 'chat', url: hook.url, secret: SECRET, events: ['kpi.red'], active: true });
      await redNotice('r1');

      expect(await deliverWebhooks({ store, now: T0 })).toEqual({ delivered: 0, failed: 1 });
      let [log] = await store.webhooks.deliveries(created.id, 10);
      expect([log!.status, log!.attempts, log!.responseCode, log!.lastError, log!.nextAttemptAt]).toEqual(['pending', 1, 500, 'HTTP 500', at(1).toISOString()]);

      expect(await deliverWebhooks({ store, now: at(0.5) })).toEqual({ delivered: 0, failed: 0 });
      expect(await deliverWebhooks({ store, now: at(1) })).toEqual({ delivered: 1, failed: 0 });
      [log] = await store.webhooks.deliveries(created.id, 10);
      expect([log!.status, log!.attempts, log!.responseCode, log!.lastError]).toEqual(['delivered', 2, 200, null]);

      expect(hook.hits).toHaveLength(2);
      const hit = hook.hits[1]!;
      expect(JSON.parse(hit.body)).toEqual({ event: 'kpi.red', occurredAt: T0.toISOString(), data: { kpi: 'DT', period: '2026-05', achievement: 0.72 } });
      expect(hit.headers['x-openkpi-event']).toBe('kpi.red');
      expect(hit.headers['x-openkpi-delivery']).toBe(log!.id);
      expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
      // the receiver's check, by hand: HMAC-SHA256 of the raw body with the shared secret
      const expected = 'sha256=' + createHmac('sha256', SECRET).update(hit.body).digest('hex');
      expect(hit.headers['x-openkpi-signature']).toBe(expected);
      expect(hook.hits[0]!.body).toBe(hit.body); // a retry sends the same bytes
      await store.webhooks.update(created.id, { name: 'chat', url: hook.url, events: ['kpi.red'], active: false }, T0);
    } finally {
      await hook.stop();
    }
  });

  it('counts a receiver that never answers as a timeout, retried later; a refused port too', async () => {
    const hang = await receiver(['hang']);
    try {
      const slow = await store.webhooks.create({ name: 'slow', url: hang.url, secret: SECRET, events: ['kpi.red'], active: true });
      await redNotice('r2');
      const started = Date.now();
      expect(await deliverWebhooks({ store, now: T0 }, 300)).toEqual({ delivered: 0, failed: 1 });
      expect(Date.now() - started).toBeLessThan(3000);
      const [log] = await store.webhooks.deliveries(slow.id, 10);
      expect([log!.status, log!.attempts, log!.responseCode, log!.lastError]).toEqual(['pending', 1, null, 'timeout after 300 ms']);
      expect(hang.hits).toHaveLength(1);
      await store.webhooks.update(slow.id, { name: 'slow', url: 'http://127.0.0.1:1/none', events: ['kpi.red'], active: true }, T0);
    } finally {
      await hang.stop();
    }
    // the URL now points at a port with nothing listening: refused, second failure → next in 5 min
    expect(await deliverWebhooks({ store, now: at(1) }, 300)).toEqual({ delivered: 0, failed: 1 });
    const [log] = await store.webhooks.deliveries(2, 10);
    expect([log!.attempts, log!.responseCode, log!.nextAttemptAt]).toEqual([2, null, at(6).toISOString()]);
    expect(log!.lastError).toContain('ECONNREFUSED');
  });
});
