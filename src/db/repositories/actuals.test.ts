import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActualWrite, Store } from '../../app/ports';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../connect';
import { createStore } from '../store';

const company = { type: 'company' as const, id: null };
const month = (m: number) => {
  const mm = String(m).padStart(2, '0');
  const end = new Date(Date.UTC(2026, m, 0)).getUTCDate();
  return { period: `2026-${mm}`, kind: 'month', start: `2026-${mm}-01`, end: `2026-${mm}-${end}` };
};

describe.each(engines())('actuals repository on %s', (engine) => {
  let database: Database;
  let store: Store;
  let kpiId: number;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    kpiId = await store.kpis.create({
      code: 'CLOSE_RATE', name: 'Tỷ lệ chốt đơn', level: 'tactical', perspective: 'customer', unit: '%', direction: 'increase',
      aggregation: 'ratio', frequency: 'monthly', source: 'import', ownerId: null, measurerId: null, reportWithinDays: 5,
      baseline: null, tags: [], status: 'active',
    });
  });
  afterAll(() => database.close());

  const by = { userId: null, name: 'Nhập liệu' };
  // Jan: 10 closed of 100 leads (10%); Feb: 90 of 300 (30%). Ratio of sums = 100/400 = 25%, not the 20% average of ratios.
  const rows = (): ActualWrite[] => [
    { kpiId, ...month(1), scope: company, value: 0.1, numerator: 10, denominator: 100, source: 'import', late: false },
    { kpiId, ...month(2), scope: company, value: 0.3, numerator: 90, denominator: 300, source: 'import', late: false },
  ];

  it('inserts, then leaves identical rows alone, then versions a change', async () => {
    expect(await store.actuals.upsert(rows(), by)).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await store.actuals.upsert(rows(), by)).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const changed = rows();
    changed[1] = { ...changed[1]!, value: 0.32, numerator: 96, comment: 'Bổ sung 6 đơn' };
    expect(await store.actuals.upsert(changed, by)).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const feb = (await store.actuals.list({ kpiIds: [kpiId], from: '2026-02-01', to: '2026-02-28' }))[0]!;
    expect(feb).toMatchObject({ value: 0.32, numerator: 96, denominator: 300, version: 2, comment: 'Bổ sung 6 đơn' });
    expect((await store.actuals.versions(feb.id)).map((v) => [v.version, v.value])).toEqual([
      [2, 0.32],
      [1, 0.3],
    ]);
  });

  it('upsertReturning gives each slot as stored and what it held before, in the one statement', async () => {
    const april = (value: number, comment: string | null, late: boolean): ActualWrite => ({
      kpiId, ...month(4), scope: company, value, numerator: value * 100, denominator: 100, source: 'checkin', comment, late,
    });
    const first = await store.actuals.upsertReturning([april(0.5, 'Lần đầu', true)], by);
    expect(first).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
    expect(first.rows).toEqual([
      { change: 'inserted', before: null, actual: expect.objectContaining({ kpiId, period: '2026-04', value: 0.5, numerator: 50, comment: 'Lần đầu', late: true, version: 1, updatedByName: 'Nhập liệu' }) },
    ]);
    // A correction: value 0.5 → 0.6; the first report's lateness (late) is kept although this write says on time.
    const second = await store.actuals.upsertReturning([april(0.6, 'Sửa', false)], by);
    expect(second).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(second.rows[0]).toMatchObject({
      change: 'updated',
      before: { value: 0.5, numerator: 50, denominator: 100, comment: 'Lần đầu', late: true, version: 1 },
      actual: { id: first.rows[0]!.actual.id, value: 0.6, numerator: 60, comment: 'Sửa', late: true, version: 2 },
    });
    // The same values again: nothing written, the stored row comes back as it is.
    const third = await store.actuals.upsertReturning([april(0.6, 'Sửa', false)], by);
    expect(third).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(third.rows[0]).toMatchObject({ change: 'unchanged', actual: { value: 0.6, version: 2 }, before: { value: 0.6, version: 2 } });
    expect((await store.actuals.versions(first.rows[0]!.actual.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it('formulaKpis and kpiIdsByCode read just the computed KPIs and the ids asked for', async () => {
    const formula = await store.kpis.create({
      code: 'CLOSE_X2', name: 'Gấp đôi', level: 'tactical', perspective: 'customer', unit: '%', direction: 'increase',
      aggregation: 'avg', frequency: 'monthly', source: 'formula', formula: '[CLOSE_RATE] * 2', ownerId: null, measurerId: null,
      reportWithinDays: null, baseline: null, tags: [], status: 'active',
    });
    expect(await store.actuals.formulaKpis()).toEqual([{ id: formula, code: 'CLOSE_X2', formula: '[CLOSE_RATE] * 2', frequency: 'monthly' }]);
    expect(await store.actuals.kpiIdsByCode(['CLOSE_RATE', 'NOPE'])).toEqual(new Map([['CLOSE_RATE', kpiId]]));
    await sql`UPDATE kpis SET status = 'archived' WHERE id = ${formula}`.execute(database.db);
    expect(await store.actuals.formulaKpis()).toEqual([]);
  });

  it('aggregates in the database: sum, avg, last and the ratio of sums', async () => {
    const [agg] = await store.actuals.aggregate({ from: '2026-01-01', to: '2026-03-31', kind: 'month' });
    // After the change: Jan 10/100, Feb 96/300 → 106/400 = 0.265; values 0.1 and 0.32.
    expect(agg).toMatchObject({ kpiId, count: 2, numeratorSum: 106, denominatorSum: 400, last: 0.32, min: 0.1, max: 0.32 });
    expect(agg!.sum).toBeCloseTo(0.42, 12);
    expect(agg!.avg).toBeCloseTo(0.21, 12);
    expect(agg!.numeratorSum! / agg!.denominatorSum!).toBe(0.265);
  });

  it('keeps money exact: 12 × 20 tỷ sums to 240 tỷ with no float drift', async () => {
    const rev = await store.kpis.create({
      code: 'REV', name: 'Doanh thu', level: 'strategic', perspective: 'financial', unit: 'VND', direction: 'increase',
      aggregation: 'sum', frequency: 'monthly', source: 'manual', ownerId: null, measurerId: null, reportWithinDays: 5,
      baseline: null, tags: [], status: 'active',
    });
    const months = Array.from({ length: 12 }, (_, i) => ({ kpiId: rev, ...month(i + 1), scope: company, value: 20_000_000_000.1, source: 'checkin' as const, late: false }));
    await store.actuals.upsert(months, by);
    const [agg] = await store.actuals.aggregate({ from: '2026-01-01', to: '2026-12-31', kind: 'month', kpiIds: [rev] });
    // 12 × 20,000,000,000.1 = 240,000,000,001.2 exactly (a float loop would drift in the last digits).
    expect(agg!.sum).toBe(240_000_000_001.2);
  });

  describe('bulk writes (COPY into a staging table from 1,000 rows on)', () => {
    let bulkKpi: number;
    const unit = (id: number) => ({ type: 'unit' as const, id });
    // 1,200 rows: 12 months × 100 scopes (company + 99 unit ids; units need not exist for actuals).
    const bulk = (value: (i: number) => number, comment: (i: number) => string | null = () => null): ActualWrite[] =>
      Array.from({ length: 1200 }, (_, i) => ({
        kpiId: bulkKpi,
        ...month((i % 12) + 1),
        scope: i < 12 ? company : unit(Math.floor(i / 12)),
        value: value(i),
        comment: comment(i),
        source: 'import' as const,
        late: i % 2 === 0,
      }));

    beforeAll(async () => {
      bulkKpi = await store.kpis.create({
        code: 'VISITS', name: 'Lượt ghé cửa hàng', level: 'operational', perspective: 'customer', unit: 'count', direction: 'increase',
        aggregation: 'sum', frequency: 'monthly', source: 'import', ownerId: null, measurerId: null, reportWithinDays: 5,
        baseline: null, tags: [], status: 'active',
      });
    });

    it('writes the same rows as the small path, with exact decimals and tricky comments intact', async () => {
      const tricky = ['tab\there', 'line\nbreak', 'back\\slash \\N', 'CR\r\nLF', 'Tiếng Việt ₫ 20 tỷ', '\\.'];
      const rows = bulk((i) => i + 0.01, (i) => (i < tricky.length ? tricky[i]! : null));
      expect(await store.actuals.upsert(rows, by)).toEqual({ inserted: 1200, updated: 0, unchanged: 0 });
      const stored = await store.actuals.list({ kpiIds: [bulkKpi] });
      expect(stored).toHaveLength(1200);
      // Σ (i + 0.01) for i = 0..1199 = 1199·1200/2 + 12 = 719,400 + 12 = 719,412.
      const [agg] = await store.actuals.aggregate({ from: '2026-01-01', to: '2026-12-31', kind: 'month', kpiIds: [bulkKpi] , scopeType: 'company'});
      expect(agg!.count).toBe(12);
      const total = (await store.actuals.aggregate({ from: '2026-01-01', to: '2026-12-31', kind: 'month', kpiIds: [bulkKpi] })).reduce((s, a) => s + a.sum, 0);
      expect(Math.round(total * 100)).toBe(71_941_200);
      const comments = stored.filter((a) => a.comment !== null).map((a) => a.comment).sort();
      expect(comments).toEqual([...tricky].sort());
      expect(stored.every((a) => a.version === 1 && a.updatedByName === 'Nhập liệu')).toBe(true);
    });

    it('re-writing changes only what differs, keeps the first lateness and the old value as history', async () => {
      // Row 5 changes from 5.01 to 500; every other row is identical; every row claims the opposite lateness.
      const rows = bulk((i) => (i === 5 ? 500 : i + 0.01), (i) => (i < 6 ? (['tab\there', 'line\nbreak', 'back\\slash \\N', 'CR\r\nLF', 'Tiếng Việt ₫ 20 tỷ', '\\.'][i] ?? null) : null)).map((r) => ({ ...r, late: !r.late }));
      expect(await store.actuals.upsert(rows, { userId: null, name: 'Lần hai' })).toEqual({ inserted: 0, updated: 1, unchanged: 1199 });
      const changed = (await store.actuals.list({ kpiIds: [bulkKpi], scope: company, from: '2026-06-01', to: '2026-06-30' }))[0]!;
      // Row 5 is month 6, company scope, first written with late = (5 % 2 === 0) = false: it stays false.
      expect(changed).toMatchObject({ value: 500, version: 2, late: false, updatedByName: 'Lần hai' });
      expect((await store.actuals.versions(changed.id)).map((v) => [v.version, v.value, v.changedByName])).toEqual([
        [2, 500, 'Lần hai'],
        [1, 5.01, 'Nhập liệu'],
      ]);
      const history = await sql<{ n: string }>`SELECT count(*) AS n FROM kpi_actual_versions v JOIN kpi_actuals a ON a.id = v.actual_id WHERE a.kpi_id = ${bulkKpi}`.execute(database.db);
      expect(Number(history.rows[0]!.n)).toBe(1);
    });

    it('falls back to the upsert when a copy of mostly new rows meets a stored one, and counts each kind', async () => {
      // First row new (a 2027 month, so the fast copy is tried), then the 1,200 stored rows as they are now,
      // except row 700 (month 5, unit 58) which changes from 700.01 to 7.
      const stored = bulk((i) => (i === 5 ? 500 : i + 0.01), (i) => (i < 6 ? (['tab\there', 'line\nbreak', 'back\\slash \\N', 'CR\r\nLF', 'Tiếng Việt ₫ 20 tỷ', '\\.'][i] ?? null) : null));
      const fresh: ActualWrite = { ...stored[0]!, period: '2027-01', start: '2027-01-01', end: '2027-01-31', value: 1 };
      const rows = [fresh, ...stored.map((r, i) => (i === 700 ? { ...r, value: 7 } : r))];
      expect(await store.actuals.upsert(rows, by)).toEqual({ inserted: 1, updated: 1, unchanged: 1199 });
      const changed = (await store.actuals.list({ kpiIds: [bulkKpi], scope: unit(58), from: '2026-05-01', to: '2026-05-31' }))[0]!;
      expect(changed).toMatchObject({ value: 7, version: 2 });
    });

    it('refuses an unknown KPI or user on both paths and writes nothing', async () => {
      const before = (await store.actuals.list({ kpiIds: [bulkKpi] })).length;
      const unknownKpi = bulk((i) => i).map((r, i) => (i === 700 ? { ...r, kpiId: 999_999 } : { ...r, value: -1 }));
      await expect(store.actuals.upsert(unknownKpi, by)).rejects.toMatchObject({ code: '23503' });
      await expect(store.actuals.upsert(unknownKpi.slice(690, 710), by)).rejects.toMatchObject({ code: '23503' });
      await expect(store.actuals.upsert(bulk((i) => i), { userId: 424_242, name: 'Ma' })).rejects.toMatchObject({ code: '23503' });
      const after = await store.actuals.list({ kpiIds: [bulkKpi] });
      expect(after).toHaveLength(before);
      expect(after.some((a) => a.value === -1)).toBe(false);
    });

    it('refuses deleting a KPI that has actuals', async () => {
      await expect(sql`DELETE FROM kpis WHERE id = ${bulkKpi}`.execute(database.db)).rejects.toMatchObject({ code: '23503' });
      expect(await store.kpis.findById(bulkKpi)).not.toBeNull();
    });
  });
});
