import type { ImportLookups, KpiInfo } from '../../core/import';
import type { Actor } from '../actor';
import { COMPANY, kpiResponsibility, policy } from '../policy';
import type { Store } from '../ports';

/**
 * Who may upload (`actual.import`), and the units whose rows they may write: every unit for those whose
 * `actual.write` reaches everything, else their unit subtree (the table's `subtree` reach).
 */
export function writableUnits(actor: Actor): ImportLookups['writableUnits'] {
  policy.requireAtAll(actor, 'actual.import');
  return policy.can(actor, 'actual.write', COMPANY) ? 'all' : actor.unitScope;
}

/** Every KPI, unit and person by the key a file names them with: three queries, then Map look-ups per row. */
export async function loadImportLookups(store: Store, actor: Actor): Promise<ImportLookups> {
  const writable = writableUnits(actor);
  const [kpis, units, people] = await Promise.all([
    store.kpis.list(),
    store.units.list(),
    store.people.query({ limit: 1_000_000, offset: 0 }),
  ]);
  return {
    kpis: new Map(
      kpis.map((k): [string, KpiInfo] => [
        k.code.toUpperCase(),
        {
          id: k.id,
          code: k.code,
          frequency: k.frequency,
          aggregation: k.aggregation,
          unit: k.unit,
          source: k.source,
          status: k.status,
          reportWithinDays: k.reportWithinDays,
        },
      ]),
    ),
    units: new Map(units.map((u) => [u.code.toUpperCase(), { id: u.id, archived: u.archived }])),
    people: new Map(people.items.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), { id: p.id, unitId: p.unitId }])),
    writableUnits: writable,
    companyKpis: policy.can(actor, 'actual.write', COMPANY)
      ? 'all'
      : new Set(kpis.filter((k) => policy.can(actor, 'actual.write', { scope: 'company', kpi: kpiResponsibility(k) })).map((k) => k.id)),
  };
}
