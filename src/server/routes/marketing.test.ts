import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { multipartFile } from '../../../test/helpers/multipart';
import { multipartWithFields } from '../../../test/helpers/multipart-fields';
import { LOGINS } from '../../../test/security/matrix-world';
import { DEMO_AGENCY_LOGIN } from '../../app/demo/seed-marketing';

interface Channel {
  id: number;
  code: string;
}

/** Campaigns: response rate as a ratio of sums, CPA/ROAS, the start rule, awareness lift, and the agency login. */
describe.each(engines())('marketing API on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let agency: ApiClient;
  let ch: Record<string, number>;
  let campaignId: number;

  const body = (code: string, channels: { channelId: number; responseRateTarget?: number | null }[]) => ({
    code,
    name: `Chiến dịch ${code}`,
    startDate: '2026-03-01',
    endDate: '2026-04-30',
    budget: 25_000_000.5,
    ownerPersonId: null as number | null,
    channels,
  });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as(LOGINS.admin);
    agency = await t.as(DEMO_AGENCY_LOGIN.email);
    ch = Object.fromEntries(((await admin.get('/api/marketing/channels')).json().items as Channel[]).map((c) => [c.code, c.id]));
  });
  afterAll(() => t.close());

  it('refuses to start a campaign until it has an owner and a response-rate target on every channel (422, every gap listed, nothing changed)', async () => {
    const created = await admin.post('/api/campaigns', body('MX-START', [{ channelId: ch.EMAIL! }, { channelId: ch.ZALO!, responseRateTarget: 0.1 }]));
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', budget: 25_000_000.5, delivery: 'in_house' });

    const refused = await admin.post(`/api/campaigns/${campaignId}/status`, { status: 'running' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('CAMPAIGN_NOT_READY');
    expect(refused.json().error.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual([
      'ownerPersonId CAMPAIGN_NO_OWNER',
      'channels.0.responseRateTarget TARGET_MISSING',
    ]);
    expect((await admin.get(`/api/campaigns/${campaignId}`)).json().campaign.status).toBe('draft');
    // Results are refused before the start.
    const early = await admin.put(`/api/campaigns/${campaignId}/results`, { rows: [{ channelId: ch.EMAIL!, period: '2026-03', recipients: 10, responses: 1 }] });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.issues[0].code).toBe('CAMPAIGN_NOT_STARTED');

    const owner = ((await admin.get('/api/people?limit=500')).json().items as { id: number; email: string | null }[]).find((p) => p.email === 'truong.mkt@minhan.vn')!.id;
    const fixed = await admin.put(`/api/campaigns/${campaignId}`, {
      ...body('MX-START', [
        { channelId: ch.EMAIL!, responseRateTarget: 0.06 },
        { channelId: ch.ZALO!, responseRateTarget: 0.1 },
        { channelId: ch.SMS!, responseRateTarget: 0.03 },
      ]),
      ownerPersonId: owner,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const started = await admin.post(`/api/campaigns/${campaignId}/status`, { status: 'running' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('running');
  });

  it('combines channels as a ratio of sums: Email 84/1,200 + Zalo 96/800 + SMS 40/2,000 = 220/4,000 = 5.5 %, not the 7 % mean of rates', async () => {
    const rows = [
      { channelId: ch.EMAIL!, period: '2026-03', recipients: 700, responses: 50, cost: 3_500_000, acquisitions: 12, revenue: 24_000_000 },
      { channelId: ch.EMAIL!, period: '2026-04', recipients: 500, responses: 34, cost: 2_500_000.25, acquisitions: 9, revenue: 18_000_000 },
      { channelId: ch.ZALO!, period: '2026-04', recipients: 800, responses: 96, cost: 8_000_000, acquisitions: 32, revenue: 64_000_000 },
      { channelId: ch.SMS!, period: '2026-04', recipients: 2_000, responses: 40, cost: 10_000_000, acquisitions: 8, revenue: 12_000_000 },
    ];
    const written = await admin.put(`/api/campaigns/${campaignId}/results`, { rows });
    expect(written.statusCode, written.body).toBe(200);
    const res = await admin.get(`/api/marketing/channel-comparison?campaign=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    const byCode = Object.fromEntries((res.json().channels as { code: string; responseRate: number | null }[]).map((c) => [c.code, c]));
    // Email 84/1,200 = 7 %, Zalo 96/800 = 12 %, SMS 40/2,000 = 2 %: the mean of rates would be 7 %.
    expect(byCode.EMAIL).toMatchObject({ recipients: 1200, responses: 84, responseRate: 0.07 });
    expect(byCode.ZALO).toMatchObject({ recipients: 800, responses: 96, responseRate: 0.12 });
    expect(byCode.SMS).toMatchObject({ recipients: 2000, responses: 40, responseRate: 0.02 });
    expect(byCode.FACEBOOK).toMatchObject({ recipients: 0, responseRate: null, roas: null });
    const total = res.json().total;
    expect(total.recipients).toBe(4000);
    expect(total.responses).toBe(220);
    expect(total.responseRate).toBe(0.055);
    // Cost 3,500,000 + 2,500,000.25 + 8,000,000 + 10,000,000 = 24,000,000.25 exactly (NUMERIC, no float drift).
    expect(total.cost).toBe(24_000_000.25);
    // Cost per response 24,000,000.25 / 220; CPA 24,000,000.25 / 61 acquisitions; ROAS 118,000,000 / 24,000,000.25.
    expect(total.costPerResponse).toBeCloseTo(109_090.910227, 5);
    expect(total.costPerAcquisition).toBeCloseTo(393_442.6270492, 6);
    expect(total.roas).toBeCloseTo(4.916666615451, 10);
    // SMS alone: CPA 10,000,000 / 8 = 1,250,000 ₫, ROAS 12,000,000 / 10,000,000 = 1.2, cost per response 250,000 ₫.
    expect(byCode.SMS).toMatchObject({ costPerAcquisition: 1_250_000, roas: 1.2, costPerResponse: 250_000 });

    const detail = (await admin.get(`/api/campaigns/${campaignId}`)).json();
    expect(detail.total.responseRate).toBe(0.055);
    expect(detail.channels.map((c: { code: string; responseRate: number }) => [c.code, c.responseRate])).toEqual([
      ['EMAIL', 0.07],
      ['ZALO', 0.12],
      ['SMS', 0.02],
    ]);
    expect(detail.results).toHaveLength(4);
    // A month re-reported replaces the stored one.
    await admin.put(`/api/campaigns/${campaignId}/results`, { rows: [{ ...rows[3]!, responses: 60 }] });
    expect((await admin.get(`/api/campaigns/${campaignId}`)).json().total.responses).toBe(240);
    await admin.put(`/api/campaigns/${campaignId}/results`, { rows: [rows[3]!] });
  });

  it('imports monthly results from a Vietnamese CSV (BOM, `;`, dots between thousands, decimal comma, channel by name or code)', async () => {
    const csv = '\ufeffKênh;Tháng;Người nhận;Phản hồi;Chi phí;Khách hàng mới;Doanh thu\r\nEmail;03/2026;700;50;3.500.000;12;24.000.000\r\nZALO;2026-03;100;5;1.000.000,50;1;2.000.000\r\n';
    const res = await admin.request({ method: 'POST', url: `/api/campaigns/${campaignId}/results/import`, ...multipartFile('file', 'ket-qua.csv', csv) } as never);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ written: 2 });
    const zalo = ((await admin.get(`/api/campaigns/${campaignId}`)).json().results as { channelId: number; period: string; cost: number }[]).find((r) => r.channelId === ch.ZALO && r.period === '2026-03')!;
    expect(zalo).toMatchObject({ recipients: 100, responses: 5, cost: 1_000_000.5, acquisitions: 1, revenue: 2_000_000 });
    // A bad file: every problem by row and column, nothing written (Zalo March keeps 100/5).
    const bad = '\ufeffKênh;Tháng;Người nhận;Phản hồi\r\nZalo;03/2026;90;4\r\nFacebook;03/2026;10;1\r\nEmail;13/2026;10;1\r\nSMS;04/2026;10;20\r\n';
    const refused = await admin.request({ method: 'POST', url: `/api/campaigns/${campaignId}/results/import`, ...multipartFile('file', 'sai.csv', bad) } as never);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.issues.map((i: { row: number; code: string }) => `${i.row} ${i.code}`)).toEqual(['3 CHANNEL_NOT_IN_CAMPAIGN', '4 INVALID_PERIOD']);
    expect(((await admin.get(`/api/campaigns/${campaignId}`)).json().results as { channelId: number; period: string; recipients: number }[]).find((r) => r.channelId === ch.ZALO && r.period === '2026-03')!.recipients).toBe(100);
    const overRecipients = await admin.request({ method: 'POST', url: `/api/campaigns/${campaignId}/results/import`, ...multipartFile('file', 'sai.csv', 'channel,period,recipients,responses\nSMS,2026-04,10,20\n') } as never);
    expect(overRecipients.json().error.issues.map((i: { row: number; code: string }) => `${i.row} ${i.code}`)).toEqual(['2 RESPONSES_OVER_RECIPIENTS']);
    // Restore the worked example: Zalo had no March row.
    await sql`DELETE FROM campaign_results WHERE campaign_id = ${campaignId} AND channel_id = ${ch.ZALO!} AND period = '2026-03'`.execute(t.database.db);
  });

  it('refuses bad results with every row problem and writes nothing', async () => {
    const before = (await sql<{ n: string }>`SELECT count(*)::text AS n FROM campaign_results`.execute(t.database.db)).rows[0]!.n;
    const res = await admin.put(`/api/campaigns/${campaignId}/results`, {
      rows: [
        { channelId: ch.EMAIL!, period: '2026-03', recipients: 10, responses: 11 },
        { channelId: ch.FACEBOOK!, period: '2026-03', recipients: 10, responses: 1 },
        { channelId: ch.ZALO!, period: '2026-06', recipients: 10, responses: 1 },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual([
      'rows.0.responses RESPONSES_OVER_RECIPIENTS',
      'rows.1.channelId CHANNEL_NOT_IN_CAMPAIGN',
      'rows.2.period PERIOD_OUTSIDE_CAMPAIGN',
    ]);
    const bad = await admin.put(`/api/campaigns/${campaignId}/results`, { rows: [{ channelId: ch.EMAIL!, period: '2026-13', recipients: -1, responses: 1.5 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['rows.0.period', 'rows.0.recipients', 'rows.0.responses']);
    const badDate = await admin.post('/api/campaigns', { ...body('MX-BAD', []), startDate: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect((await sql<{ n: string }>`SELECT count(*)::text AS n FROM campaign_results`.execute(t.database.db)).rows[0]!.n).toBe(before);
  });

  it('awareness lift on the before/after surveys matches `openkpi lift` (120/400 → 152/400)', async () => {
    expect((await admin.put(`/api/campaigns/${campaignId}/surveys/before`, { takenOn: '2026-02-25', aware: 120, asked: 400 })).statusCode).toBe(200);
    const res = await admin.put(`/api/campaigns/${campaignId}/surveys/after`, { takenOn: '2026-05-02', aware: 152, asked: 400 });
    expect(res.statusCode, res.body).toBe(200);
    const calculator = (await admin.post('/api/lift', { before: { aware: 120, asked: 400 }, after: { aware: 152, asked: 400 } })).json();
    const lift = res.json().lift;
    expect(lift).toEqual(calculator);
    expect(lift.lift).toBe(0.08);
    expect(lift.p).toBeCloseTo(0.0169, 4);
    expect(lift.ci[0]).toBeCloseTo(0.0146, 4);
    expect(lift.ci[1]).toBeCloseTo(0.1454, 4);
    expect(lift.significant).toBe(true);
    // A small, non-significant follow-up: 30/80 → 36/80 warns below 100 answers.
    await admin.put(`/api/campaigns/${campaignId}/surveys/before`, { takenOn: '2026-02-25', aware: 30, asked: 80 });
    const small = (await admin.put(`/api/campaigns/${campaignId}/surveys/after`, { takenOn: '2026-05-02', aware: 36, asked: 80 })).json().lift;
    expect(small.significant).toBe(false);
    expect(small.warnings.map((w: { code: string }) => w.code)).toEqual(['SMALL_SAMPLE']);
    expect(small.message).toContain('KHÔNG có ý nghĩa thống kê');
    // Respondent-level rows: có, không, Có, yes, 0, blank (not counted) → 3 aware of 5 asked.
    const respondents = '\ufeffMã người trả lời;Biết đến\r\n1;có\r\n2;không\r\n3;Có\r\n4;yes\r\n5;0\r\n6;\r\n';
    const imported = await admin.request({ method: 'POST', url: `/api/campaigns/${campaignId}/surveys/after/import`, ...multipartWithFields({ takenOn: '2026-05-03' }, 'file', 'khao-sat.csv', respondents) } as never);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().after).toEqual({ phase: 'after', takenOn: '2026-05-03', aware: 3, asked: 5 });
    const badAnswers = await admin.request({ method: 'POST', url: `/api/campaigns/${campaignId}/surveys/after/import`, ...multipartWithFields({ takenOn: '2026-05-03' }, 'file', 'khao-sat.csv', 'aware\nyes\nmaybe\n') } as never);
    expect(badAnswers.statusCode).toBe(422);
    expect(badAnswers.json().error.issues.map((i: { row: number; code: string }) => `${i.row} ${i.code}`)).toEqual(['3 NOT_YES_NO']);
    const noDate = await admin.request({ method: 'POST', url: `/api/campaigns/${campaignId}/surveys/after/import`, ...multipartWithFields({ takenOn: '2026-02-30' }, 'file', 'khao-sat.csv', 'aware\nyes\n') } as never);
    expect(noDate.statusCode).toBe(400);
    expect((await admin.get(`/api/campaigns/${campaignId}/awareness`)).json().after.aware).toBe(3);
    const tooMany = await admin.put(`/api/campaigns/${campaignId}/surveys/after`, { takenOn: '2026-05-02', aware: 81, asked: 80 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.issues[0].path).toBe('aware');
  });

  it('an agency login sees and reports only the campaign assigned to it', async () => {
    const list = (await agency.get('/api/campaigns')).json().items as { code: string; id: number }[];
    expect(list.map((c) => c.code)).toEqual(['RA-MAT-SP']);
    const own = list[0]!.id;
    expect((await agency.get(`/api/campaigns/${own}`)).statusCode).toBe(200);
    expect((await agency.get(`/api/campaigns/${campaignId}`)).statusCode).toBe(403);
    expect((await agency.get('/api/campaigns/999999')).statusCode).toBe(404);
    expect((await agency.get(`/api/campaigns/${campaignId}/awareness`)).statusCode).toBe(403);
    expect((await agency.put(`/api/campaigns/${campaignId}/results`, { rows: [{ channelId: ch.EMAIL!, period: '2026-03', recipients: 1, responses: 0 }] })).statusCode).toBe(403);
    const ownChannel = ((await agency.get(`/api/campaigns/${own}`)).json().campaign.channels as { channelId: number }[])[0]!.channelId;
    const month = (await agency.get(`/api/campaigns/${own}`)).json().results[0].period as string;
    const reported = await agency.put(`/api/campaigns/${own}/results`, { rows: [{ channelId: ownChannel, period: month, recipients: 6000, responses: 181, cost: 15_000_000 }] });
    expect(reported.statusCode, reported.body).toBe(200);
    // Nothing outside its campaigns: channels, comparison, managing, KPIs, people, actuals, datasets, the org chart.
    for (const url of ['/api/marketing/channels', '/api/marketing/channel-comparison', '/api/kpis', '/api/people', '/api/org-units', '/api/kpis/REVENUE/actuals?scope=company', '/api/scorecard?period=2026-06&scope=company', '/api/datasets']) {
      expect((await agency.get(url)).statusCode, url).toBe(403);
    }
    expect((await agency.post(`/api/campaigns/${own}/status`, { status: 'ended' })).statusCode).toBe(403);
    expect((await agency.post('/api/campaigns', body('MX-AG', []))).statusCode).toBe(403);
  });

  it('assigns only agency logins, and only to agency campaigns', async () => {
    const viewerId = (await admin.get('/api/users')).json().items.find((u: { email: string }) => u.email === LOGINS.viewer).id as number;
    const res = await admin.post('/api/campaigns', { ...body('MX-AGENCY', []), delivery: 'agency', agencyName: 'Đối tác', agencyUserIds: [viewerId] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual(['agencyUserIds.0 NOT_AN_AGENCY_LOGIN']);
    const inHouse = await admin.post('/api/campaigns', { ...body('MX-AGENCY', []), agencyName: 'Đối tác' });
    expect(inHouse.json().error.issues[0].code).toBe('NOT_AN_AGENCY_CAMPAIGN');
  });

  it('the demo channel comparison is 5.5 % overall for the ended in-house campaign', async () => {
    const demo = ((await admin.get('/api/campaigns')).json().items as { id: number; code: string }[]).find((c) => c.code === 'CSKH-TRI-AN')!;
    const res = (await admin.get(`/api/marketing/channel-comparison?campaign=${demo.id}`)).json();
    expect([res.total.responses, res.total.recipients, res.total.responseRate]).toEqual([220, 4000, 0.055]);
  });
});
