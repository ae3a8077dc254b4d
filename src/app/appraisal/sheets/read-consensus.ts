import type { z } from 'zod';
import { consensusRate } from '../../../core/appraisal';
import { subtreeIds } from '../../../core/org/tree';
import type { Consensus } from '../../../contract/appraisal';
import type { Actor } from '../../actor';
import { policy } from '../../policy';
import type { Store } from '../../ports';
import type { SheetRecord } from './ports';
import { sheetsInView } from './sheets-in-view';

type ConsensusView = z.infer<typeof Consensus>;

const sum = (sheets: readonly SheetRecord[]) => ({
  assigned: sheets.reduce((a, s) => a + s.kpiItems, 0),
  agreed: sheets.reduce((a, s) => a + s.agreedItems, 0),
});

/**
 * Consensus rate (Tỷ lệ thống nhất chỉ tiêu) = agreed (agreed or finalized) ÷ assigned KPI items, over the
 * sheets the caller may read: in total, per person, and per unit the caller may read (a unit counts its
 * sub-units).
 */
export async function readConsensus(store: Store, actor: Actor, cycleId: number, unitId?: number): Promise<ConsensusView> {
  const { sheets } = await sheetsInView(store, actor, cycleId, 'appraisal.read', unitId);
  const total = sum(sheets);
  const byPerson = new Map<number, SheetRecord[]>();
  for (const s of sheets) byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), s]);
  const people = [...byPerson.values()].map((own) => {
    const n = sum(own);
    return { kind: 'person' as const, id: own[0]!.personId, name: own[0]!.personName, ...n, rate: consensusRate(n.agreed, n.assigned) };
  });
  const units = await store.units.list();
  const scope = unitId === undefined ? undefined : subtreeIds(units, unitId);
  const unitRows = units
    .filter((u) => (scope === undefined || scope.has(u.id)) && policy.can(actor, 'appraisal.read', { scope: 'unit', unitId: u.id }))
    .map((u) => {
      const below = subtreeIds(units, u.id);
      const n = sum(sheets.filter((s) => below.has(s.unitId)));
      return { kind: 'unit' as const, id: u.id, name: u.name, ...n, rate: consensusRate(n.agreed, n.assigned) };
    })
    .filter((r) => r.assigned > 0);
  return { rate: consensusRate(total.agreed, total.assigned), units: unitRows, people };
}
