import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { formatPlan, parseKpiFile, toYaml, type KpiFile } from '../../core/kpi-as-code';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import { isEmpty, seedDemo } from '../demo/seed-demo';
import type { Store } from '../ports';
import { applyKpiFile, exportKpiFile, loadSnapshot, planKpiFile } from '.';

const DEMO = readFileSync(new URL('../../../examples/demo-company.yaml', import.meta.url), 'utf8');

function docOf(text: string): KpiFile {
  const { doc, issues } = parseKpiFile(text);
  expect(issues).toEqual([]);
  return doc!;
}

async function counts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['company', 'org_units', 'positions', 'people', 'kpis', 'kpi_parents', 'kpi_targets', 'audit_log'] as const) {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe.each(engines())('KPI-as-code on %s', (engine) => {
  const opened: Database[] = [];
  const fresh = async (): Promise<{ database: Database; store: Store }> => {
    const database = await freshDatabase(engine);
    opened.push(database);
    return { database, store: createStore(database.db) };
  };
  afterAll(async () => {
    for (const d of opened) await d.close();
  });

  it('round trip: apply the demo file → export → apply on another empty database → export gives the same text', async () => {
    const a = await fresh();
    const applied = await applyKpiFile(a.store, SYSTEM_ACTOR, docOf(DEMO));
    // 1 company + 8 units + 10 positions + 40 people + 20 KPIs = 79 creations
    expect(applied).toHaveLength(79);
    const first = await exportKpiFile(a.store);

    const b = await fresh();
    await applyKpiFile(b.store, SYSTEM_ACTOR, docOf(first));
    expect(await exportKpiFile(b.store)).toBe(first);

    // applying the same file again changes nothing and writes nothing
    const before = await counts(b.database);
    expect(await applyKpiFile(b.store, SYSTEM_ACTOR, docOf(first))).toEqual([]);
    expect(await counts(b.database)).toEqual(before);
  });

  it('writes the KPIs with people, parents and company targets as in the file', async () => {
    const { store } = await fresh();
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(DEMO));
    const rev = (await store.kpis.findByCode('REVENUE'))!;
    expect(rev).toMatchObject({ owner: 'an.nguyen@minhan.vn', ownerName: 'Nguyễn Minh An', measurer: 'ktt@minhan.vn', status: 'active' });
    // one yearly target + 12 months of 20 tỷ = 240 tỷ
    expect(rev.targets).toHaveLength(13);
    expect(rev.targets.filter((t) => t.period.startsWith('2026-')).reduce((s, t) => s + t.value, 0)).toBe(240_000_000_000);
    expect((await store.kpis.findByCode('SALES_MB_REVENUE'))!.parents).toEqual([{ code: 'REVENUE', weight: 0.35 }]);
  });

  it('plans and applies a small change: field updates, target removal, archive; with audit rows', async () => {
    const { store } = await fresh();
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(DEMO));
    const doc = docOf(await exportKpiFile(store));
    const kpis = doc.kpis!.filter((k) => k.code !== 'DSO').map((k) =>
      k.code === 'AOV' ? { ...k, name: 'Giá trị bình quân mỗi đơn hàng' } : k.code === 'BRAND_AWARENESS' ? { ...k, targets: k.targets.slice(0, 2) } : k,
    );
    const changed = { ...doc, kpis };
    const { changes } = await planKpiFile(store, toYaml(changed));
    expect(formatPlan(changes, 'en')).toBe(
      [
        '~ KPI AOV  name: "Giá trị đơn hàng trung bình" → "Giá trị bình quân mỗi đơn hàng"',
        '~ KPI BRAND_AWARENESS  targets[2026-Q4]: value 0.32 → —',
        '- KPI DSO  Số ngày thu tiền bình quân (DSO) (archive)',
        '',
        'Plan: 0 to create, 2 to update, 1 to archive.',
        '',
      ].join('\n'),
    );
    await applyKpiFile(store, SYSTEM_ACTOR, changed);
    expect((await store.kpis.findByCode('DSO'))!.status).toBe('archived');
    expect((await store.kpis.findByCode('BRAND_AWARENESS'))!.targets.map((t) => t.period)).toEqual(['2026', '2026-Q2']);
    const audit = await store.audit.list({ entity: 'kpi', limit: 10 });
    expect(audit.slice(0, 3).map((a) => `${a.action} ${a.entityId}`).sort()).toEqual(['archive DSO', 'update AOV', 'update BRAND_AWARENESS']);
    expect(audit.find((a) => a.entityId === 'AOV')).toMatchObject({ before: { name: 'Giá trị đơn hàng trung bình' }, after: { name: 'Giá trị bình quân mỗi đơn hàng' } });
  });

  it('writes nothing when anything is wrong, and lists every problem', async () => {
    const { database, store } = await fresh();
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(DEMO));
    const before = await counts(database);
    const good = docOf(DEMO);
    const bad: KpiFile = {
      ...good,
      units: [...good.units!, { code: 'CSKH', name: 'Chăm sóc khách hàng', parent: 'MA' }],
      kpis: good.kpis!.map((k) =>
        k.code === 'LEADS' ? { ...k, owner: 'ai.do@minhan.vn' } : k.code === 'ORDERS' ? { ...k, parents: [{ code: 'NOPE', weight: 1 }] } : k,
      ),
    };
    const error = await applyKpiFile(store, SYSTEM_ACTOR, bad).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KPI_FILE_INVALID' });
    expect((error as { issues: { path: string; code: string }[] }).issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      // file order: REVENUE, GROSS_PROFIT, COST_RATIO, MARKET_SHARE, ORDERS (4), LEADS (5)
      'kpis[4].parents[0].code KPI_PARENT_NOT_FOUND',
      'kpis[5].owner KPI_OWNER_NOT_FOUND',
      'kpis[4] SMART_ALIGN_PARENT_UNKNOWN',
      'kpis[5] SMART_A_OWNER_UNKNOWN',
    ]);
    expect(await counts(database)).toEqual(before);
  });

  it('carries scoring: applied with the KPI, exported without defaults, a change planned field by field and applied', async () => {
    const { store } = await fresh();
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(DEMO));
    // as written in examples/demo-company.yaml
    expect((await store.kpis.findByCode('COST_RATIO'))!.scoring).toEqual({ floor: 0.5, cap: 1.1 });
    expect((await store.kpis.findByCode('EMPLOYEE_TURNOVER'))!.scoring).toEqual({ tolerance: 0.04 });
    expect((await store.kpis.findByCode('REVENUE'))!.scoring).toEqual({});
    const exported = await exportKpiFile(store);
    expect(exported).toContain(
      [
        '      - {period: 2026, value: 38}',
        '    scoring:',
        '      method: bands',
        '      bands:',
        '        - {min: 0.8, score: 0.5}',
        '        - {min: 0.9, score: 0.8}',
        '        - {min: 1, score: 1}',
        '        - {min: 1.1, score: 1.1}',
      ].join('\n'),
    );

    const doc = docOf(exported);
    const changed: KpiFile = {
      ...doc,
      kpis: doc.kpis!.map((k) =>
        k.code === 'COST_RATIO' ? { ...k, scoring: { floor: 0.6, cap: 1.1 } } : k.code === 'DSO' ? { ...k, scoring: undefined } : k,
      ),
    };
    const { changes } = await planKpiFile(store, toYaml(changed));
    expect(formatPlan(changes, 'en')).toBe(
      [
        '~ KPI COST_RATIO  scoring.floor: 0.5 → 0.6',
        '~ KPI DSO  Số ngày thu tiền bình quân (DSO)',
        '    scoring.method: "bands" → —',
        '    scoring.bands: [≥ 0.8: 0.5, ≥ 0.9: 0.8, ≥ 1: 1, ≥ 1.1: 1.1] → —',
        '',
        'Plan: 0 to create, 2 to update, 0 to archive.',
        '',
      ].join('\n'),
    );
    await applyKpiFile(store, SYSTEM_ACTOR, changed);
    expect((await store.kpis.findByCode('COST_RATIO'))!.scoring).toEqual({ floor: 0.6, cap: 1.1 });
    expect((await store.kpis.findByCode('DSO'))!.scoring).toEqual({});
    const audit = await store.audit.list({ entity: 'kpi', limit: 5 });
    expect(audit.find((a) => a.entityId === 'COST_RATIO')).toMatchObject({ before: { 'scoring.floor': 0.5 }, after: { 'scoring.floor': 0.6 } });
    expect(await exportKpiFile(store)).toBe(toYaml(changed));
  });

  it('refuses a scoring setup that cannot work and writes nothing, not even the valid changes', async () => {
    const { database, store } = await fresh();
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(DEMO));
    const before = await counts(database);
    const doc = docOf(await exportKpiFile(store));
    const bad: KpiFile = {
      ...doc,
      kpis: doc.kpis!.map((k) =>
        k.code === 'AOV' ? { ...k, name: 'Giá trị bình quân mỗi đơn hàng' } : k.code === 'COST_RATIO' ? { ...k, scoring: { floor: 1.5, cap: 1.1 } } : k,
      ),
    };
    const index = bad.kpis!.findIndex((k) => k.code === 'COST_RATIO');
    const error = await applyKpiFile(store, SYSTEM_ACTOR, bad).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KPI_FILE_INVALID' });
    expect((error as { issues: { path: string; code: string }[] }).issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      `kpis[${index}].scoring.floor SCORING_FLOOR_ABOVE_CAP`,
    ]);
    expect((await store.kpis.findByCode('AOV'))!.name).toBe('Giá trị đơn hàng trung bình');
    expect((await store.kpis.findByCode('COST_RATIO'))!.scoring).toEqual({ floor: 0.5, cap: 1.1 });
    expect(await counts(database)).toEqual(before);
  });

  it('is for admins only', async () => {
    const { store } = await fresh();
    const manager: Actor = { ...SYSTEM_ACTOR, user: { ...SYSTEM_ACTOR.user, id: 9, role: 'manager' } };
    await expect(applyKpiFile(store, manager, docOf('version: 1\n'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe.each(engines())('demo seed on %s', (engine) => {
  let database: Database;
  let store: Store;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
  });
  afterAll(() => database.close());

  it('loads the demo file and creates the logins linked to their people', async () => {
    expect(await isEmpty(store)).toBe(true);
    const logins = await seedDemo(store);
    expect(logins.map((l) => `${l.role} ${l.email}`)).toEqual([
      'viewer an.nguyen@minhan.vn',
      'admin admin@minhan.vn',
      'manager truong.kd@minhan.vn',
      'employee nhanvien@minhan.vn',
      'manager truong.mkt@minhan.vn',
      'manager truong.ns@minhan.vn',
      'manager ktt@minhan.vn',
    ]);
    expect(await isEmpty(store)).toBe(false);
    const snapshot = await loadSnapshot(store);
    expect(snapshot.people).toHaveLength(40);
    // KD (1) + KD-MB (9) + KD-MN (9) = 19 in the sales subtree
    expect(snapshot.people!.filter((p) => p.unit.startsWith('KD'))).toHaveLength(19);
    const admin = (await store.users.findByEmail('admin@minhan.vn'))!;
    expect((await store.people.findByUserId(admin.id))!.fullName).toBe('Phạm Quốc Huy');
  });
});
