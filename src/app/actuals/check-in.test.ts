import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import type { Store } from '../ports';
import { checkIn } from './check-in';
import { createProfitKpis, kpiWrite } from './test-fixtures';

/** The real store, with every call counted as `area.method` (transactions hand out a counted store too). */
function counted(store: Store, calls: string[]): Store {
  return new Proxy(store, {
    get(target, area: string) {
      const part = Reflect.get(target, area) as unknown;
      if (area === 'transaction') return <T>(fn: (tx: Store) => Promise<T>) => target.transaction((tx) => fn(counted(tx, calls)));
      if (typeof part !== 'object' || part === null) return part;
      return new Proxy(part, {
        get(methods, name: string) {
          const method = Reflect.get(methods, name) as unknown;
          if (typeof method !== 'function') return method;
          return (...args: unknown[]) => {
            calls.push(`${area}.${name}`);
            return (method as (...a: unknown[]) => unknown).apply(methods, args);
          };
        },
      });
    },
  });
}

describe.each(engines())('a check-in on %s', (engine) => {
  let database: Database;
  let store: Store;
  let ids: Awaited<ReturnType<typeof createProfitKpis>>;
  const NOW = new Date('2026-04-02T03:00:00Z');

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    ids = await createProfitKpis(store);
    await store.kpis.create(kpiWrite('SOLO'));
  });
  afterAll(() => database.close());

  it('reads no KPI library and reads nothing back; only the formulas that use the KPI are recomputed', async () => {
    await checkIn(store, SYSTEM_ACTOR, NOW, 'COST', { period: '2026-03', value: 600 });
    const calls: string[] = [];
    const view = await checkIn(counted(store, calls), SYSTEM_ACTOR, NOW, 'REV', { period: '2026-03', value: 1000 });
    expect(view).toMatchObject({ kpiCode: 'REV', period: '2026-03', value: 1000, version: 1, late: false, evidence: [] });
    expect(calls).not.toContain('kpis.list');
    expect(calls.filter((c) => c.startsWith('actuals.'))).toEqual([
      'actuals.formulaKpis', // id, code, formula of the computed KPIs
      'actuals.upsertReturning', // the write, which returns the row: no read-back
      'actuals.kpiIdsByCode', // ids of REV, COST (the formulas' inputs)
      'actuals.list', // the stored inputs of the one slot written
      'actuals.upsert', // PROFIT and MARGIN
    ]);
    // REV 1000, COST 600 → PROFIT = 400, MARGIN = 400 / 1000 = 0.4
    const computed = await store.actuals.list({ kpiIds: [ids.PROFIT, ids.MARGIN] });
    expect(computed.map((a) => [a.kpiId, a.value])).toEqual([
      [ids.PROFIT, 400],
      [ids.MARGIN, 0.4],
    ]);
  });

  it('for a KPI no formula uses: no input read, nothing recomputed', async () => {
    const calls: string[] = [];
    await checkIn(counted(store, calls), SYSTEM_ACTOR, NOW, 'SOLO', { period: '2026-03', value: 7 });
    expect(calls.filter((c) => c.startsWith('actuals.') || c.startsWith('kpis.'))).toEqual([
      'kpis.findByCode',
      'actuals.formulaKpis',
      'actuals.upsertReturning',
      'actuals.kpiIdsByCode',
    ]);
  });

  it('audits a correction with the value it replaced, and nothing for the same value again', async () => {
    const first = await checkIn(store, SYSTEM_ACTOR, NOW, 'SOLO', { period: '2026-02', value: 5 });
    const second = await checkIn(store, SYSTEM_ACTOR, NOW, 'SOLO', { period: '2026-02', value: 6, comment: 'Sửa' });
    expect(second).toMatchObject({ id: first.id, value: 6, version: 2, comment: 'Sửa' });
    const again = await checkIn(store, SYSTEM_ACTOR, NOW, 'SOLO', { period: '2026-02', value: 6, comment: 'Sửa' });
    expect(again).toMatchObject({ id: first.id, value: 6, version: 2 });
    const audit = await store.audit.list({ entity: 'actual', entityId: String(first.id), limit: 10 });
    expect(audit.map((a) => [a.action, (a.before as { value: number } | null)?.value ?? null, (a.after as { value: number }).value])).toEqual([
      ['update', 5, 6],
      ['create', null, 5],
    ]);
  });
});
