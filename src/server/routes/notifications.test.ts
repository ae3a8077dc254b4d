import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { startSmtpServer } from '../../../test/helpers/smtp-server';
import { notify } from '../../app/notifications/notify';

const AT = new Date('2026-03-02T02:00:00Z');

describe.each(engines())('notification and webhook routes on %s', (engine) => {
  let t: TestApp;
  const userId: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(engine);
    for (const email of ['nhanvien@minhan.vn', 'truong.kd@minhan.vn']) userId[email] = (await t.store.users.findByEmail(email))!.id;
    const tell = (email: string, n: number) =>
      notify(t.store, { userId: userId[email]!, category: 'reminders', kind: 'reminder.before', text: () => ({ title: `Nhắc hạn ${n}`, body: `Nội dung ${n}` }), link: `/kpis/K${n}` }, AT);
    for (const n of [1, 2, 3]) await tell('nhanvien@minhan.vn', n);
    await tell('truong.kd@minhan.vn', 9);
  });
  afterAll(() => t.close());

  it('shows each user only their own notifications, newest first, paged by id, and marks only their own read', async () => {
    const employee = await t.as('nhanvien@minhan.vn');
    const manager = await t.as('truong.kd@minhan.vn');
    const list = (await employee.get('/api/notifications?limit=2')).json();
    expect(list.items.map((n: { title: string }) => n.title)).toEqual(['Nhắc hạn 3', 'Nhắc hạn 2']);
    expect(list.unread).toBe(3);
    const next = (await employee.get(`/api/notifications?limit=2&before=${list.items[1].id}`)).json();
    expect(next.items.map((n: { title: string }) => n.title)).toEqual(['Nhắc hạn 1']);

    const managerItems = (await manager.get('/api/notifications')).json().items as { id: string; title: string }[];
    expect(managerItems.map((n) => n.title)).toEqual(['Nhắc hạn 9']);
    // the employee names the manager's notification: nothing happens to it
    const marked = await employee.post('/api/notifications/read', { ids: [managerItems[0]!.id, list.items[0].id] });
    expect(marked.json()).toEqual({ marked: 1, unread: 2 });
    expect((await manager.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });

    expect((await employee.get('/api/notifications?unread=true')).json().items.map((n: { title: string }) => n.title)).toEqual(['Nhắc hạn 2', 'Nhắc hạn 1']);
    expect((await employee.post('/api/notifications/read', { all: true })).json()).toEqual({ marked: 2, unread: 0 });
    expect((await manager.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });

    const bad = await employee.post('/api/notifications/read', { ids: ['x'] });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps e-mail preferences per user and category, defaulting to immediately', async () => {
    const employee = await t.as('nhanvien@minhan.vn');
    expect((await employee.get('/api/notifications/preferences')).json()).toEqual({
      email: { reminders: 'immediate', alerts: 'immediate', appraisal: 'immediate', cycles: 'immediate', reports: 'immediate' },
      address: 'nhanvien@minhan.vn',
    });
    const put = await employee.put('/api/notifications/preferences', { email: { reminders: 'digest', reports: 'off' } });
    expect(put.json().email).toEqual({ reminders: 'digest', alerts: 'immediate', appraisal: 'immediate', cycles: 'immediate', reports: 'off' });
    expect((await employee.put('/api/notifications/preferences', { email: { reminders: 'weekly' } })).statusCode).toBe(400);
    expect((await (await t.as('truong.kd@minhan.vn')).get('/api/notifications/preferences')).json().email.reminders).toBe('immediate');
  });

  it('never returns the SMTP password, keeps it when the masked URL comes back, and shows the environment override', async () => {
    const admin = await t.as('admin@minhan.vn');
    const saved = await admin.put('/api/company/mail', { smtpUrl: 'smtp://kpi%40minhan.vn:M%E1%BA%ADt-kh%E1%BA%A9u@mail.minhan.vn:587', mailFrom: 'OpenKPI <kpi@minhan.vn>' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain('kh%E1%BA%A9u');
    expect(saved.json().smtpUrl).toBe('smtp://kpi%40minhan.vn:%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2@mail.minhan.vn:587');
    // the form sends the masked URL back with another port: the stored password stays
    await admin.put('/api/company/mail', { smtpUrl: saved.json().smtpUrl.replace(':587', ':2525'), mailFrom: 'kpi@minhan.vn' });
    expect((await t.store.mail.settings()).smtpUrl).toBe('smtp://kpi%40minhan.vn:M%E1%BA%ADt-kh%E1%BA%A9u@mail.minhan.vn:2525');
    const audit = await admin.get('/api/audit?entity=company');
    expect(audit.body).not.toContain('kh%E1%BA%A9u');

    process.env.OPENKPI_SMTP_URL = 'smtp://relay.internal:25';
    try {
      const got = (await admin.get('/api/company/mail')).json();
      expect(got.fromEnv).toEqual({ smtpUrl: true, mailFrom: false });
      expect(got.effective).toEqual({ smtpUrl: 'smtp://relay.internal:25', mailFrom: 'kpi@minhan.vn' });
    } finally {
      delete process.env.OPENKPI_SMTP_URL;
    }

    const badUrl = await admin.put('/api/company/mail', { smtpUrl: 'http://mail.minhan.vn', mailFrom: null });
    expect(badUrl.statusCode).toBe(422);
    expect(badUrl.json().error.code).toBe('MAIL_BAD_URL');
    expect(badUrl.json().error.issues[0].path).toBe('smtpUrl');
  });

  it('tests the SMTP connection: refused and bad URL are clear 4xx errors in vi and en; a working server gets the test e-mail', async () => {
    const admin = await t.as('admin@minhan.vn');
    const refused = await admin.post('/api/company/mail/test', { smtpUrl: 'smtp://127.0.0.1:1' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('MAIL_CONNECTION_REFUSED');
    expect(refused.json().error.message).toMatch(/^Máy chủ SMTP từ chối kết nối \(sai máy chủ hoặc cổng\?\)/);
    admin.lang = 'en';
    const refusedEn = await admin.post('/api/company/mail/test', { smtpUrl: 'smtp://127.0.0.1:1' });
    expect(refusedEn.json().error.message).toMatch(/^The SMTP server refused the connection \(wrong host or port\?\)/);
    const bad = await admin.post('/api/company/mail/test', { smtpUrl: 'smtp//nothing' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'MAIL_BAD_URL']);

    const smtp = await startSmtpServer({ password: 'đúng' });
    try {
      const wrong = await admin.post('/api/company/mail/test', { smtpUrl: `smtp://kpi:sai@127.0.0.1:${smtp.port}` });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([422, 'MAIL_AUTH_FAILED']);
      const ok = await admin.post('/api/company/mail/test', { smtpUrl: `smtp://kpi:${encodeURIComponent('đúng')}@127.0.0.1:${smtp.port}`, sendTestEmail: true });
      expect(ok.json()).toEqual({ ok: true, sentTo: 'admin@minhan.vn' });
      expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([[['admin@minhan.vn'], 'OpenKPI: e-mail thử']]);
    } finally {
      await smtp.close();
    }
  });

  it('manages webhooks: http(s) only, the secret shown once, a test ping logged with its outcome', async () => {
    const admin = await t.as('admin@minhan.vn');
    const ftp = await admin.post('/api/webhooks', { name: 'x', url: 'ftp://chat.minhan.vn/hook', events: ['kpi.red'] });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['url']);
    const short = await admin.post('/api/webhooks', { name: 'x', url: 'https://chat.minhan.vn/hook', events: ['kpi.red'], secret: 'short' });
    expect(short.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['secret']);

    const created = await admin.post('/api/webhooks', { name: 'Chat', url: 'http://127.0.0.1:1/hook', events: ['kpi.red', 'kpi.red'] });
    expect(created.statusCode).toBe(201);
    const { id, secret, events } = created.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(events).toEqual(['kpi.red']);
    const list = await admin.get('/api/webhooks');
    expect(list.body).not.toContain(secret);

    const ping = await admin.post(`/api/webhooks/${id}/test`);
    expect(ping.statusCode).toBe(200);
    expect([ping.json().event, ping.json().status, ping.json().attempts, ping.json().responseCode]).toEqual(['ping', 'failed', 1, null]);
    expect((await admin.get(`/api/webhooks/${id}/deliveries`)).json().items).toHaveLength(1);

    const renamed = await admin.put(`/api/webhooks/${id}`, { name: 'Chat KD', url: 'https://chat.minhan.vn/hook', events: ['cycle.locked'], active: false });
    expect([renamed.json().name, renamed.json().active, renamed.json().secret]).toEqual(['Chat KD', false, null]);
    expect((await admin.request({ method: 'DELETE', url: `/api/webhooks/${id}` })).json()).toEqual({ ok: true });
    expect((await admin.get(`/api/webhooks/${id}/deliveries`)).statusCode).toBe(404);
    expect((await admin.request({ method: 'DELETE', url: `/api/webhooks/${id}` })).statusCode).toBe(404);
  });
});
