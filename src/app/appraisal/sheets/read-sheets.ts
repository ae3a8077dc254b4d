import type { CycleRecord } from '../../../core/appraisal';
import { companyToday } from '../../../core/actuals';
import { subtreeIds } from '../../../core/org/tree';
import type { Actor } from '../../actor';
import { getCompany } from '../../company/company';
import { policy } from '../../policy';
import type { Store } from '../../ports';
import { findCycle, sheetFor, visibility } from './access';
import type { SheetRecord } from './ports';
import { cycleViews, type CycleView } from '../setup/cycle-views';
import { presentSheet, presentSummary, type SheetSummaryView, type SheetView } from './present-sheet';

/** Full sheets (items, agreement history, calibrations, pace on the company's today), with one query per part. */
export async function sheetViews(store: Store, actor: Actor, sheets: SheetRecord[], cycles: Map<number, { cycle: CycleRecord; view: CycleView }>, now: Date): Promise<SheetView[]> {
  const ids = sheets.map((s) => s.id);
  const [items, calibrations, company] = await Promise.all([store.appraisal.sheets.items(ids), store.appraisal.sheets.calibrations(ids), getCompany(store)]);
  const versions = await store.appraisal.sheets.versions(items.map((i) => i.id));
  const today = companyToday(company, now);
  return sheets.map((s) => {
    const c = cycles.get(s.cycleId)!;
    return presentSheet(actor, s, c.cycle, c.view, { items, versions, calibrations, today });
  });
}

/** GET /api/appraisal/sheets/{id}: one sheet, for readers of its person. */
export async function getSheet(store: Store, actor: Actor, id: number, now: Date): Promise<SheetView> {
  const { sheet, cycle } = await sheetFor(store, actor, id, 'appraisal.read');
  const [view] = await cycleViews(store, actor, [cycle]);
  return (await sheetViews(store, actor, [sheet], new Map([[cycle.id, { cycle, view: view! }]]), now))[0]!;
}

/** GET /api/appraisal/cycles/{id}/sheets: the cycle's sheets the caller may read, a page at a time. */
export async function listCycleSheets(
  store: Store,
  actor: Actor,
  cycleId: number,
  q: { unitId?: number | undefined; personId?: number | undefined; limit: number; offset: number },
): Promise<{ items: SheetSummaryView[]; total: number }> {
  policy.requireAtAll(actor, 'appraisal.read');
  const cycle = await findCycle(store, cycleId);
  const unitIds = q.unitId === undefined ? undefined : await unitAndBelow(store, q.unitId);
  const page = await store.appraisal.sheets.list({ cycleId, unitIds, personId: q.personId, visible: visibility(actor), limit: q.limit, offset: q.offset });
  return { items: page.items.map((s) => presentSummary(actor, s, cycle)), total: page.total };
}

/** GET /api/appraisal/my: the caller's own sheets in open and published cycles (a locked, unpublished cycle waits for its publication). */
export async function listMySheets(store: Store, actor: Actor, now: Date): Promise<SheetView[]> {
  policy.requireAtAll(actor, 'appraisal.read');
  if (actor.person === null) return [];
  const mine = await store.appraisal.sheets.list({ personId: actor.person.id, visible: { unitIds: [], selfPersonId: actor.person.id }, limit: 1000, offset: 0 });
  const cycles = new Map<number, { cycle: CycleRecord; view: CycleView }>();
  const open = (await Promise.all([...new Set(mine.items.map((s) => s.cycleId))].map((id) => findCycle(store, id)))).filter((c) => c.phase !== 'locked');
  const views = await cycleViews(store, actor, open);
  open.forEach((cycle, i) => cycles.set(cycle.id, { cycle, view: views[i]! }));
  const shown = mine.items.filter((s) => cycles.has(s.cycleId) && policy.can(actor, 'appraisal.read', { scope: 'person', personId: s.personId, unitId: s.unitId }));
  const sheets = await sheetViews(store, actor, shown, cycles, now);
  return sheets.sort((a, b) => b.cycle.endsOn.localeCompare(a.cycle.endsOn) || a.startsOn.localeCompare(b.startsOn));
}

/** A unit and every unit below it. */
export async function unitAndBelow(store: Store, unitId: number): Promise<number[]> {
  return [...subtreeIds(await store.units.list(), unitId)];
}
