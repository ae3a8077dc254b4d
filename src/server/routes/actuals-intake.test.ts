import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { kpiWrite } from '../../app/actuals/test-fixtures';
import type { ApiClient } from '../../../test/helpers/api';
import { startClockApp, type ClockApp } from './actuals.test-helpers';

/** A CSV upload as the import form sends it. */
function csvForm(text: string) {
  const boundary = '----okpiIntakeBoundary';
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Codes = { status: number; issues: [string, string][] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const codesOf = (res: { statusCode: number; json(): any }): Codes => ({
  status: res.statusCode,
  issues: ((res.json().error?.issues ?? []) as { path: string; code: string }[]).map((i) => [i.path, i.code]),
});

/**
 * One intake: the same bad actual gives the same issue code whether it comes from a check-in, an API push or
 * a row of an imported file. Paths differ by entry point (`value`, `actuals.0.value`, `row 2 / Giá trị`).
 */
describe.each(engines())('the same bad actual through every entry point on %s', (engine) => {
  let t: ClockApp;
  let admin: ApiClient;
  let token: string;

  beforeAll(async () => {
    t = await startClockApp(engine); // now: 2026-04-02 in Hồ Chí Minh
    await t.store.kpis.create(kpiWrite('OLD', { status: 'archived' }));
    admin = await t.as('admin@minhan.vn');
    token = (await admin.post('/api/api-tokens', { name: 'Intake test' })).json().token;
  });
  afterAll(() => t.close());

  let key = 0;
  const checkIn = async (kpi: string, body: Record<string, unknown>) => codesOf(await admin.post(`/api/kpis/${kpi}/checkins`, body));
  const push = async (items: Record<string, unknown>[]) =>
    codesOf(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/actuals',
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': `intake-${++key}` },
        payload: { actuals: items },
      }),
    );
  const importRows = async (...rows: string[]) =>
    codesOf(await admin.request({ method: 'POST', url: '/api/actuals/import', ...csvForm(['KPI code,Period,Value,Numerator,Denominator', ...rows].join('\n')) }));

  const cases: { name: string; kpi: string; item: Record<string, unknown>; row: string; field: string; code: string }[] = [
    { name: 'a value for a formula KPI', kpi: 'PROFIT', item: { period: '2026-03', value: 1 }, row: 'PROFIT,2026-03,1,,', field: 'kpi', code: 'computed_kpi' },
    { name: 'an archived KPI', kpi: 'OLD', item: { period: '2026-03', value: 1 }, row: 'OLD,2026-03,1,,', field: 'kpi', code: 'archived_kpi' },
    { name: 'a period of another kind', kpi: 'REV', item: { period: '2026-Q1', value: 1 }, row: 'REV,2026-Q1,1,,', field: 'period', code: 'wrong_period_kind' },
    { name: 'a value beyond 10^15', kpi: 'REV', item: { period: '2026-03', value: 2e15 }, row: 'REV,2026-03,2000000000000000,,', field: 'value', code: 'too_big' },
    { name: 'a value below −10^15', kpi: 'REV', item: { period: '2026-03', value: -2e15 }, row: 'REV,2026-03,-2000000000000000,,', field: 'value', code: 'too_small' },
    { name: 'a zero denominator', kpi: 'RATE', item: { period: '2026-03', numerator: 1, denominator: 0 }, row: 'RATE,2026-03,,1,0', field: 'denominator', code: 'too_small' },
    { name: 'a ratio part for a non-ratio KPI', kpi: 'REV', item: { period: '2026-03', value: 1, numerator: 1 }, row: 'REV,2026-03,1,1,', field: 'numerator', code: 'not_ratio' },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.code} from a check-in, a push and an import row, and nothing written`, async () => {
      const before = (await t.store.actuals.list({})).length;
      expect(await checkIn(c.kpi, c.item)).toEqual({ status: 400, issues: [[c.field, c.code]] });
      expect(await push([{ kpi: c.kpi, ...c.item }])).toEqual({ status: 400, issues: [[`actuals.0.${c.field}`, c.code]] });
      const imported = await importRows(c.row);
      expect(imported.status).toBe(422);
      expect(imported.issues.map(([, code]) => code)).toEqual([c.code]);
      expect((await t.store.actuals.list({})).length).toBe(before);
    });
  }

  it('the same slot twice: duplicate from a push and from a file', async () => {
    expect(await push([{ kpi: 'REV', period: '2026-03', value: 1 }, { kpi: 'REV', period: '2026-03', value: 2 }])).toEqual({
      status: 400,
      issues: [['actuals.1.period', 'duplicate']],
    });
    const imported = await importRows('REV,2026-03,1,,', 'REV,03/2026,2,,');
    expect(imported).toEqual({ status: 422, issues: [['row 3 / Period', 'duplicate']] });
  });
});
