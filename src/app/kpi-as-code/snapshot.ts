import { normalizeScoring, type KnownRefs, type KpiFile, type KpiFileBinding, type KpiFileKpi } from '../../core/kpi-as-code';
import type { KpiRecord, OrgUnit, Person, Position, Store } from '../ports';

/** The database as the KPI-as-code document model, plus the rows behind it (for writing). */
export interface StoreState {
  snapshot: KpiFile;
  /** By upper-case code, archived units included (codes stay taken). */
  units: Map<string, OrgUnit>;
  /** By lower-case code. */
  positions: Map<string, Position>;
  /** By lower-case e-mail. */
  people: Map<string, Person>;
  /** By code, archived KPIs included. */
  kpis: Map<string, KpiRecord>;
}

const ALL = 1_000_000;

/** A stored KPI as the file describes it: people by e-mail, scoring without the defaults. */
export function definitionOf(record: KpiRecord): KpiFileKpi {
  const { id: _id, ownerId: _o, measurerId: _m, ownerName: _on, measurerName: _mn, ownerUnitId: _ou, updatedAt: _u, scoring, ...def } = record;
  return { ...def, scoring: normalizeScoring(scoring) };
}

/** The stored bindings of the dataset KPIs, as the file writes them (units by code, people by e-mail). */
async function fileBindings(store: Store, kpis: readonly KpiRecord[], unitById: Map<number, OrgUnit>, personById: Map<number, Person>): Promise<Map<number, KpiFileBinding>> {
  const out = new Map<number, KpiFileBinding>();
  for (const k of kpis.filter((k) => k.source === 'dataset')) {
    const b = await store.kpiBindings.get(k.id);
    if (!b) continue;
    const scopes = b.scopes.map((m) => ({
      value: m.value,
      unit: m.scope.type === 'unit' ? (unitById.get(m.scope.id)?.code ?? null) : null,
      person: m.scope.type === 'person' ? (personById.get(m.scope.id)?.email ?? null) : null,
    }));
    out.set(k.id, { dataset: b.dataset, measure: b.measure, dateColumn: b.dateColumn, scopeColumn: b.scopeColumn, scopes: scopes.filter((m) => m.unit || m.person) });
  }
  return out;
}

export async function loadState(store: Store): Promise<StoreState> {
  const [company, units, positions, { items: people }, kpis] = await Promise.all([
    store.company.get(),
    store.units.list(),
    store.positions.list(),
    store.people.query({ limit: ALL, offset: 0 }),
    store.kpis.list(),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const positionById = new Map(positions.map((p) => [p.id, p]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const bindings = await fileBindings(store, kpis, unitById, personById);

  const snapshot: KpiFile = {
    version: 1,
    units: units
      .filter((u) => !u.archived)
      .map((u) => ({ code: u.code, name: u.name, parent: u.parentId === null ? null : (unitById.get(u.parentId)?.code ?? null) })),
    positions: positions.map((p) => ({ code: p.code, name: p.name })),
    // People without an e-mail cannot be named in a file; they stay as they are.
    people: people.flatMap((p) =>
      p.email
        ? [
            {
              email: p.email,
              name: p.fullName,
              unit: unitById.get(p.unitId)?.code ?? '',
              position: p.positionId === null ? null : (positionById.get(p.positionId)?.code ?? null),
              manager: p.managerId === null ? null : (personById.get(p.managerId)?.email ?? null),
            },
          ]
        : [],
    ),
    kpis: kpis.map((k) => {
      const def = definitionOf(k);
      const binding = bindings.get(k.id);
      return binding ? { ...def, binding } : def;
    }),
  };
  if (company) snapshot.company = company;
  return {
    snapshot,
    units: new Map(units.map((u) => [u.code.toUpperCase(), u])),
    positions: new Map(positions.map((p) => [p.code.toLowerCase(), p])),
    people: new Map(people.flatMap((p) => (p.email ? [[p.email.toLowerCase(), p] as const] : []))),
    kpis: new Map(kpis.map((k) => [k.code, k])),
  };
}

/** What exists in the database, for the file's reference checks. */
export function knownRefs(state: StoreState): KnownRefs {
  const active = new Map([...state.people.values()].map((p) => [p.email?.toLowerCase(), p.active]));
  return {
    units: state.snapshot.units ?? [],
    positionCodes: (state.snapshot.positions ?? []).map((p) => p.code),
    people: (state.snapshot.people ?? []).map((p) => ({ email: p.email, manager: p.manager, active: active.get(p.email.toLowerCase()) ?? true })),
  };
}

/** The current state as the same document model a KPI-as-code file describes (people by e-mail). */
export async function loadSnapshot(store: Store): Promise<KpiFile> {
  return (await loadState(store)).snapshot;
}
