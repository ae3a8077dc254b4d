import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBonusRule, addCycle, addKpi, addPerson, addSheet, addUnit } from '../../../../test/helpers/appraisal-results-fixture';
import { engines } from '../../../../test/helpers/db';
import { startTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/api';
import { closeCycle, refreshSheets } from './refresh';

/**
 * Results engine on both engines, with numbers worked by hand. Cycle 2025-Q1 (01-01 … 03-31), default bands
 * (A ≥ 1.05, B ≥ 0.95, C ≥ 0.8, D), bonus table A 1.5 / B 1.2 / C 1.0 / D 0.5 at step 1,000.
 * Units: ROOT ← TEAM ← SUB. People: An (TEAM), Bình (SUB), Chi (SUB, two sheets).
 * An's sheet: output 70 (SALES sum, target 300, weight 60; CONV ratio, target 0.25, weight 40), behavior 30
 * (ON_TIME rated 4/5 by the manager).
 */
describe.each(engines())('appraisal results on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  const id = { root: 0, team: 0, sub: 0, an: 0, binh: 0, chi: 0, dao: 0, daoSheet: 0, em: 0, q2: 0, emSheet: 0, sales: 0, conv: 0, other: 0, cycle: 0, anSheet: 0, binhSheet: 0, chiA: 0, chiB: 0 };

  const checkIn = (kpi: string, period: string, personId: number, body: object) =>
    admin.request({ method: 'POST', url: `/api/kpis/${kpi}/checkins`, payload: { period, scope: { type: 'person', id: personId }, ...body } });
  const sheet = (sheetId: number) =>
    t.database.db.selectFrom('appraisal_sheets').select(['own_score', 'score', 'grade', 'coefficient', 'bonus']).where('id', '=', sheetId).executeTakeFirstOrThrow();
  const items = async (sheetId: number) =>
    Object.fromEntries(
      (await t.database.db.selectFrom('appraisal_items').select(['code', 'actual', 'achievement', 'score']).where('sheet_id', '=', sheetId).execute()).map((r) => [
        r.code,
        { actual: r.actual === null ? null : Number(r.actual), achievement: r.achievement, score: r.score },
      ]),
    );
  /** The sheet's groups JSON as stored (what the sheet page and the payroll export read). */
  const groupsOf = async (sheetId: number) =>
    (await t.database.db.selectFrom('appraisal_sheets').select('groups').where('id', '=', sheetId).executeTakeFirstOrThrow()).groups as { code: string; score?: number | null }[];
  const groupScores = async (sheetId: number) => Object.fromEntries((await groupsOf(sheetId)).map((g) => [g.code, g.score]));
  const unitResults = async () =>
    Object.fromEntries(
      (await t.database.db.selectFrom('appraisal_unit_results').selectAll().where('cycle_id', '=', id.cycle).execute()).map((r) => [r.unit_id, { people: r.people, mean: r.mean_score }]),
    );
  const allResults = async () => ({
    sheets: await t.database.db.selectFrom('appraisal_sheets').select(['id', 'groups', 'own_score', 'score', 'grade', 'coefficient', 'bonus']).where('cycle_id', '=', id.cycle).orderBy('id').execute(),
    items: await sql<{ id: number; actual: string | null; achievement: number | null; score: number | null }>`
      SELECT i.id, i.actual, i.achievement, i.score FROM appraisal_items i JOIN appraisal_sheets s ON s.id = i.sheet_id WHERE s.cycle_id = ${id.cycle} ORDER BY i.id`
      .execute(t.database.db)
      .then((r) => r.rows),
    units: await unitResults(),
  });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    const db = t.database.db;
    id.root = await addUnit(db, 'R_ROOT', null);
    id.team = await addUnit(db, 'R_TEAM', id.root);
    id.sub = await addUnit(db, 'R_SUB', id.team);
    id.an = await addPerson(db, 'An Results', id.team, 'an.results@example.vn');
    id.binh = await addPerson(db, 'Bình Results', id.sub);
    id.chi = await addPerson(db, 'Chi Results', id.sub);
    id.sales = await addKpi(db, 'R_SALES');
    id.conv = await addKpi(db, 'R_CONV', { aggregation: 'ratio' });
    id.other = await addKpi(db, 'R_OTHER');
    id.cycle = await addCycle(db, { code: 'R-2025-Q1', startsOn: '2025-01-01', endsOn: '2025-03-31' });
    await db.deleteFrom('appraisal_bonus_rules').execute(); // the demo's rules: these tests set their own
    await addBonusRule(db, '2024-01-01', { A: 9, B: 9, C: 9, D: 9 }); // an older rule, not in effect
    await addBonusRule(db, '2025-01-01', { A: 1.5, B: 1.2, C: 1, D: 0.5 });
    await addBonusRule(db, '2025-06-01', { A: 7, B: 7, C: 7, D: 7 }); // effective after the cycle's end
    const groups = [
      { code: 'output', weight: 70 },
      { code: 'behavior', weight: 30 },
    ];
    const anItems = [
      { code: 'SALES', group: 'output', weight: 60, kpiId: id.sales, target: 300 },
      { code: 'CONV', group: 'output', weight: 40, kpiId: id.conv, target: 0.25 },
      { code: 'ON_TIME', group: 'behavior', weight: 100, managerRating: 4 },
    ];
    const q1 = { cycleId: id.cycle, startsOn: '2025-01-01', endsOn: '2025-03-31', groups };
    id.anSheet = (await addSheet(db, { ...q1, personId: id.an, unitId: id.team, items: anItems, bonusBase: 10_000_000 })).sheetId;
    const binhItems = anItems.map((i) => (i.code === 'SALES' ? { ...i, target: 200 } : i.code === 'ON_TIME' ? { ...i, managerRating: null } : i));
    id.binhSheet = (await addSheet(db, { ...q1, personId: id.binh, unitId: id.sub, items: binhItems, bonusBase: 8_000_000 })).sheetId;
    // Chi: 2025-01-01 … 03-01 (60 days) on a sales sheet, then 03-02 … 03-31 (30 days) on a rated sheet, calibrated to B.
    const one = [{ code: 'output', weight: 100 }];
    id.chiA = (await addSheet(db, { ...q1, endsOn: '2025-03-01', groups: one, personId: id.chi, unitId: id.sub, items: [{ code: 'SALES', group: 'output', weight: 100, kpiId: id.sales, target: 200 }], bonusBase: 4_000_000 }))
      .sheetId;
    id.chiB = (
      await addSheet(db, { ...q1, startsOn: '2025-03-02', groups: one, personId: id.chi, unitId: id.sub, items: [{ code: 'CARE', group: 'output', weight: 100, managerRating: 4 }], bonusBase: 5_000_000, calibratedGrade: 'B' })
    ).sheetId;
  });
  afterAll(async () => t?.close());

  beforeAll(async () => {
    // Đào (SUB): output items SALES 60 + CONV 30 = 90, not 100 (written straight to the table, as an old or broken sheet could be).
    const db = t.database.db;
    id.dao = await addPerson(db, 'Đào Results', id.sub);
    const items = [
      { code: 'SALES', group: 'output', weight: 60, kpiId: id.sales, target: 300 },
      { code: 'CONV', group: 'output', weight: 30, kpiId: id.conv, target: 0.25 },
      { code: 'ON_TIME', group: 'behavior', weight: 100, managerRating: 5 },
    ];
    const groups = [
      { code: 'output', weight: 70 },
      { code: 'behavior', weight: 30 },
    ];
    // Em (TEAM) in 2025-Q2: output 60 (ORDERS scored by bands), behavior 40 (TEMP range 40–60 % tolerance 10 points,
    // weight 70; TEMP_OLD a range KPI without a range method, weight 30).
    const bands = { kind: 'bands', bands: [{ min: 0.8, score: 0.8 }, { min: 1, score: 1 }, { min: 1.2, score: 1.2 }] };
    const orders = await addKpi(db, 'R_ORDERS', { scoring: { method: bands } });
    const temp = await addKpi(db, 'R_TEMP', { direction: 'range', aggregation: 'avg', scoring: { method: { kind: 'range', min: 0.4, max: 0.6, tolerance: 0.1 } } });
    const tempOld = await addKpi(db, 'R_TEMP_OLD', { direction: 'range', aggregation: 'avg' });
    id.em = await addPerson(db, 'Em Results', id.team);
    id.q2 = await addCycle(db, { code: 'R-2025-Q2', startsOn: '2025-04-01', endsOn: '2025-06-30' });
    id.emSheet = (
      await addSheet(db, {
        cycleId: id.q2,
        startsOn: '2025-04-01',
        endsOn: '2025-06-30',
        personId: id.em,
        unitId: id.team,
        bonusBase: 2_000_000,
        groups: [
          { code: 'output', weight: 60 },
          { code: 'behavior', weight: 40 },
        ],
        items: [
          { code: 'ORDERS', group: 'output', weight: 100, kpiId: orders, target: 100 },
          { code: 'TEMP', group: 'behavior', weight: 70, kpiId: temp },
          { code: 'TEMP_OLD', group: 'behavior', weight: 30, kpiId: tempOld, target: 0.5 },
        ],
      })
    ).sheetId;
    id.daoSheet = (await addSheet(db, { cycleId: id.cycle, startsOn: '2025-01-01', endsOn: '2025-03-31', groups, personId: id.dao, unitId: id.sub, items, bonusBase: 1_000_000 })).sheetId;
  });

  it('check-ins over the cycle months refresh the sheet: a sum KPI and a ratio KPI (ratio of sums)', async () => {
    for (const [period, value] of [['2025-01', 100], ['2025-02', 90], ['2025-03', 80]] as const) expect((await checkIn('R_SALES', period, id.an, { value })).statusCode).toBe(200);
    // 10/40, 30/60, 5/100: Σ 45 ÷ Σ 200 = 0.225 (the mean of the three ratios would be 0.2667)
    for (const [period, numerator, denominator] of [['2025-01', 10, 40], ['2025-02', 30, 60], ['2025-03', 5, 100]] as const) {
      expect((await checkIn('R_CONV', period, id.an, { numerator, denominator })).statusCode).toBe(200);
    }
    // SALES 270 ÷ 300 = 0.9; CONV 0.225 ÷ 0.25 = 0.9; output 0.9; behavior 4 ÷ 5 = 0.8; final 0.7 × 0.9 + 0.3 × 0.8 = 0.87 → C
    expect(await items(id.anSheet)).toEqual({
      SALES: { actual: 270, achievement: 0.9, score: 0.9 },
      CONV: { actual: 0.225, achievement: 0.9, score: 0.9 },
      ON_TIME: { actual: null, achievement: 0.8, score: 0.8 },
    });
    // The 2025-01-01 rule is in effect (not the older one, nor the one from June): C → 1.0 × 10,000,000
    expect(await sheet(id.anSheet)).toEqual({ own_score: 0.87, score: 0.87, grade: 'C', coefficient: 1, bonus: '10000000' });
    // Group scores go into the sheet's groups JSON, everything else of a group kept: output 0.6 × 0.9 + 0.4 × 0.9 = 0.9, behavior 0.8
    expect(await groupsOf(id.anSheet)).toEqual([
      { code: 'output', name: { vi: 'output', en: 'output' }, weight: 70, overridden: false, score: 0.9 },
      { code: 'behavior', name: { vi: 'behavior', en: 'behavior' }, weight: 30, overridden: false, score: 0.8 },
    ]);
  });

  it('renormalize: a KPI without values and a rating not given yet are skipped', async () => {
    for (const [period, value] of [['2025-01', 50], ['2025-02', 70]] as const) expect((await checkIn('R_SALES', period, id.binh, { value })).statusCode).toBe(200);
    // SALES 120 ÷ 200 = 0.6; CONV and ON_TIME missing: output 0.6, behavior skipped → 0.6 → D, 0.5 × 8,000,000
    expect(await sheet(id.binhSheet)).toEqual({ own_score: 0.6, score: 0.6, grade: 'D', coefficient: 0.5, bonus: '4000000' });
    // output: only SALES counts (0.6); behavior has no rating → no score
    expect(await groupScores(id.binhSheet)).toEqual({ output: 0.6, behavior: null });
  });

  it('a person with two sheets: 60 days at 92 % and 30 days at 80 % → 88 %; the calibrated grade B sets coefficient and bonus', async () => {
    // Chi's sales of January and February fall inside sheet A (01-01 … 03-01): 100 + 84 = 184 ÷ 200 = 0.92
    for (const [period, value] of [['2025-01', 100], ['2025-02', 84]] as const) expect((await checkIn('R_SALES', period, id.chi, { value })).statusCode).toBe(200);
    expect((await sheet(id.chiA)).own_score).toBe(0.92);
    expect((await sheet(id.chiB)).own_score).toBe(0.8);
    expect([await groupScores(id.chiA), await groupScores(id.chiB)]).toEqual([{ output: 0.92 }, { output: 0.8 }]);
    // (60 × 0.92 + 30 × 0.8) ÷ 90 = 0.88 → C by the bands, B by calibration: 1.2 × 5,000,000 (the latest sheet's base)
    for (const s of [id.chiA, id.chiB]) expect(await sheet(s)).toMatchObject({ score: 0.88, grade: 'B', coefficient: 1.2, bonus: '6000000' });
  });

  it('a sheet whose weights do not total 100 gets no score, from a refresh and from closeCycle; its actuals are stored', async () => {
    expect((await checkIn('R_SALES', '2025-01', id.dao, { value: 150 })).statusCode).toBe(200);
    const unscored = { own_score: null, score: null, grade: null, coefficient: null, bonus: null };
    const itemsUnscored = { SALES: { actual: 150, achievement: null, score: null }, CONV: { actual: null, achievement: null, score: null }, ON_TIME: { actual: null, achievement: null, score: null } };
    expect(await sheet(id.daoSheet)).toEqual(unscored);
    expect(await items(id.daoSheet)).toEqual(itemsUnscored);
    expect(await groupScores(id.daoSheet)).toEqual({ output: null, behavior: null });
    await t.store.transaction((tx) => closeCycle(tx, id.cycle));
    expect(await sheet(id.daoSheet)).toEqual(unscored);
    expect(await items(id.daoSheet)).toEqual(itemsUnscored);
    expect(await groupScores(id.daoSheet)).toEqual({ output: null, behavior: null });
  });

  it('unit and ancestor averages kept incrementally equal closeCycle (a full recompute)', async () => {
    // SUB: Bình 0.6, Chi 0.88 → 0.74; TEAM and ROOT: An 0.87 too → 2.35 ÷ 3
    const incremental = await unitResults();
    expect(incremental[id.sub]).toEqual({ people: 2, mean: expect.closeTo(0.74, 12) });
    expect(incremental[id.team]).toEqual({ people: 3, mean: expect.closeTo(2.35 / 3, 12) });
    expect(incremental[id.root]).toEqual({ people: 3, mean: expect.closeTo(2.35 / 3, 12) });
    const before = await allResults();
    // closeCycle must write the same group scores, not keep the incremental ones: wipe them first.
    await sql`UPDATE appraisal_sheets SET groups = (SELECT jsonb_agg(g - 'score') FROM jsonb_array_elements(groups) g) WHERE cycle_id = ${id.cycle}`.execute(t.database.db);
    await t.store.transaction((tx) => closeCycle(tx, id.cycle));
    const after = await allResults();
    expect(await groupScores(id.anSheet)).toEqual({ output: 0.9, behavior: 0.8 });
    expect(after.sheets).toEqual(before.sheets);
    expect(after.items).toEqual(before.items);
    expect(Object.keys(after.units).sort()).toEqual(Object.keys(before.units).sort());
    for (const [unit, r] of Object.entries(after.units)) {
      expect(r.people).toBe(before.units[Number(unit)]!.people);
      expect(Math.abs(r.mean! - before.units[Number(unit)]!.mean!)).toBeLessThan(1e-9);
    }
  });

  it('a new check-in refreshes the person, their unit and its ancestors', async () => {
    expect((await checkIn('R_SALES', '2025-03', id.binh, { value: 80 })).statusCode).toBe(200);
    // Bình: 200 ÷ 200 = 1.0 → B; SUB (1.0 + 0.88) ÷ 2 = 0.94; TEAM and ROOT (0.87 + 1.0 + 0.88) ÷ 3 = 0.91666…
    expect(await sheet(id.binhSheet)).toMatchObject({ score: 1, grade: 'B', coefficient: 1.2, bonus: '9600000' });
    const units = await unitResults();
    expect(units[id.sub]!.mean).toBeCloseTo(0.94, 12);
    expect(units[id.root]!.mean).toBeCloseTo(2.75 / 3, 12);
  });

  it('zero mode counts the missing KPI and the missing rating as 0', async () => {
    await t.database.db.updateTable('appraisal_cycles').set({ missing: 'zero' }).where('id', '=', id.cycle).execute();
    await t.store.transaction((tx) => refreshSheets(tx, [id.binhSheet]));
    // output 0.6 × 1.0 + 0.4 × 0 = 0.6; final 0.7 × 0.6 + 0.3 × 0 = 0.42 → D
    expect(await sheet(id.binhSheet)).toMatchObject({ own_score: 0.42, score: 0.42, grade: 'D' });
    expect(await groupScores(id.binhSheet)).toEqual({ output: 0.6, behavior: 0 });
    expect((await unitResults())[id.sub]!.mean).toBeCloseTo((0.42 + 0.88) / 2, 12);
    await t.database.db.updateTable('appraisal_cycles').set({ missing: 'renormalize' }).where('id', '=', id.cycle).execute();
    await t.store.transaction((tx) => refreshSheets(tx, [id.binhSheet]));
  });

  it('KPIs scored by bands and range are scored on the sheet with their settings, by a refresh and by closeCycle', async () => {
    for (const [kpi, period, value] of [['R_ORDERS', '2025-04', 50], ['R_ORDERS', '2025-05', 49], ['R_TEMP', '2025-04', 0.6], ['R_TEMP', '2025-05', 0.7], ['R_TEMP_OLD', '2025-04', 0.5]] as const) {
      expect((await checkIn(kpi, period, id.em, { value })).statusCode).toBe(200);
    }
    // ORDERS 50 + 49 = 99 of 100 → achievement 0.99, band ≥ 80 % → 0.8; TEMP mean 0.65, 5 points above 60 % → 1 − 5 ÷ 10 = 0.5;
    // TEMP_OLD has no range to score against → skipped. Output 0.8, behavior 0.5, final 0.6 × 0.8 + 0.4 × 0.5 = 0.68 → D;
    // the rule from 2025-06-01 is in effect at the Q2 end: D 7 × 2,000,000
    const expected = {
      items: { ORDERS: { actual: 99, achievement: 0.99, score: 0.8 }, TEMP: { actual: 0.65, achievement: 0.5, score: 0.5 }, TEMP_OLD: { actual: 0.5, achievement: null, score: null } },
      sheet: { own_score: 0.68, score: 0.68, grade: 'D', coefficient: 7, bonus: '14000000' },
      groups: { output: 0.8, behavior: 0.5 },
    };
    const stored = async () => ({ items: await items(id.emSheet), sheet: await sheet(id.emSheet), groups: await groupScores(id.emSheet) });
    expect(await stored()).toEqual(expected);
    await sql`UPDATE appraisal_items SET achievement = NULL, score = NULL WHERE sheet_id = ${id.emSheet}`.execute(t.database.db);
    await t.store.transaction((tx) => closeCycle(tx, id.q2));
    expect(await stored()).toEqual(expected);
  });

  it('a person who loses their score leaves the unit results (rows left with 0 people are dropped); back again when scored', async () => {
    const q2Units = async () =>
      Object.fromEntries(
        (await t.database.db.selectFrom('appraisal_unit_results').select(['unit_id', 'people', 'mean_score']).where('cycle_id', '=', id.q2).execute()).map((r) => [r.unit_id, [r.people, r.mean_score]]),
      );
    expect(await q2Units()).toEqual({ [id.team]: [1, 0.68], [id.root]: [1, 0.68] });
    const setWeight = (weight: number) =>
      t.database.db.updateTable('appraisal_items').set({ weight }).where('sheet_id', '=', id.emSheet).where('code', '=', 'ORDERS').execute();
    await setWeight(50); // output's items total 50: Em's sheet has no score
    await t.store.transaction((tx) => refreshSheets(tx, [id.emSheet]));
    expect((await sheet(id.emSheet)).score).toBeNull();
    expect(await q2Units()).toEqual({});
    expect((await unitResults())[id.team]!.people).toBe(3); // the Q1 cycle's rows are untouched (An, Bình, Chi)
    await setWeight(100);
    await t.store.transaction((tx) => refreshSheets(tx, [id.emSheet]));
    expect(await q2Units()).toEqual({ [id.team]: [1, 0.68], [id.root]: [1, 0.68] });
  });

  describe('a locked cycle: values and targets are read-only', () => {
    const salesOf = async (personId: number, period: string) =>
      (await t.database.db.selectFrom('kpi_actuals').select('value').where('kpi_id', '=', id.sales).where('scope_id', '=', personId).where('period_key', '=', period).executeTakeFirst())?.value;

    beforeAll(async () => {
      await t.database.db.updateTable('appraisal_cycles').set({ phase: 'locked' }).where('id', '=', id.cycle).execute();
    });

    it('check-in inside the cycle → 409 CYCLE_LOCKED, nothing written; outside the cycle, or a KPI not on the sheet, works', async () => {
      const before = await sheet(id.anSheet);
      const res = await checkIn('R_SALES', '2025-02', id.an, { value: 1000 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'CYCLE_LOCKED' });
      expect(res.json().error.message).toContain('R-2025-Q1');
      expect(Number(await salesOf(id.an, '2025-02'))).toBe(90);
      expect(await sheet(id.anSheet)).toEqual(before);
      expect((await checkIn('R_SALES', '2025-04', id.an, { value: 1000 })).statusCode).toBe(200);
      expect((await checkIn('R_OTHER', '2025-02', id.an, { value: 5 })).statusCode).toBe(200);
      expect(await sheet(id.anSheet)).toEqual(before);
    });

    it('an import row in the locked cycle is reported on its row, nothing written', async () => {
      const csv = 'KPI code,Period,Person,Value\nR_SALES,2025-04,an.results@example.vn,7\nR_SALES,2025-03,an.results@example.vn,7\n';
      const boundary = '----okpiResults';
      const payload = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="l.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`);
      const res = await admin.request({ method: 'POST', url: '/api/actuals/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(res.statusCode).toBe(422);
      const issues = res.json().error.issues as { code: string; row: number }[];
      expect(issues).toEqual([expect.objectContaining({ code: 'CYCLE_LOCKED', row: 3 })]);
      expect(Number(await salesOf(id.an, '2025-03'))).toBe(80);
      expect(Number(await salesOf(id.an, '2025-04'))).toBe(1000);
    });

    it('an API push → 409 CYCLE_LOCKED, nothing written', async () => {
      const token = (await admin.post('/api/api-tokens', { name: 'Results lock' })).json().token as string;
      const push = (period: string, key: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/actuals',
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
          payload: { actuals: [{ kpi: 'R_SALES', period, scope: { type: 'person', id: id.an }, value: 3 }] },
        });
      const res = await push('2025-01', 'lock-1');
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CYCLE_LOCKED');
      expect(Number(await salesOf(id.an, '2025-01'))).toBe(100);
      expect((await push('2025-05', 'lock-2')).statusCode).toBe(200);
    });

    it("a person's target for a period in the cycle → 409 CYCLE_LOCKED; another period works", async () => {
      const put = (period: string) =>
        admin.request({ method: 'PUT', url: '/api/kpis/R_SALES/targets', payload: { scope: { type: 'person', id: id.an }, targets: [{ period, value: 5 }] } });
      const res = await put('2025-02');
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CYCLE_LOCKED');
      const stored = await t.database.db.selectFrom('kpi_targets').select('id').where('kpi_id', '=', id.sales).where('scope_id', '=', id.an).execute();
      expect(stored).toEqual([]);
      expect((await put('2025-04')).statusCode).toBe(200);
    });
  });
});
