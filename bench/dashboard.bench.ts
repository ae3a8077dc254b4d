import { SYSTEM_ACTOR } from '../src/app/actor';
import { getUnitDashboard } from '../src/app/evaluation';
import { createStore } from '../src/db/store';
import { onEachEngine } from './databases';
import { close, median, time, type Bench, type Measurement } from './harness';
import { handWrittenUnitScores, KPIS, MONTHS, seedUnitKpis, UNITS } from './unit-kpi-seed';

const RUNS = 3;

/** The unit dashboard of 2025 (every unit's own and rolled score) against one hand-written SQL statement. */
const bench: Bench = {
  name: 'dashboard',
  async run({ engines, log }): Promise<Measurement[]> {
    return onEachEngine(engines, async (engine, database): Promise<Measurement> => {
      const load = await time(() => seedUnitKpis(database.db));
      const store = createStore(database.db);
      const dashboard = await getUnitDashboard(store, SYSTEM_ACTOR, { period: '2025' });
      const hand = await handWrittenUnitScores(database.db);
      const scored = dashboard.units.filter((u) => u.score !== null);
      const agree = scored.length === hand.size && hand.size === UNITS && scored.every((u) => hand.has(u.id) && close(u.score!, hand.get(u.id)!));
      const ours: number[] = [];
      const plain: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(await time(() => getUnitDashboard(store, SYSTEM_ACTOR, { period: '2025' })));
        plain.push(await time(() => handWrittenUnitScores(database.db)));
      }
      log(`    ${engine}: loaded in ${load.toFixed(1)} s; dashboard ${ours.map((s) => (s * 1000).toFixed(0)).join(' / ')} ms, SQL ${plain.map((s) => (s * 1000).toFixed(0)).join(' / ')} ms`);
      return {
        name: 'unit dashboard (every unit, own + rolled score)',
        engine,
        value: 1000 * median(ours),
        unit: 'ms',
        baseline: 'hand-written SQL (own scores)',
        baselineValue: 1000 * median(plain),
        better: 'lower',
        agree,
        note: `${UNITS.toLocaleString('en-US')} units × ${KPIS} KPIs × ${MONTHS} months; every unit's own score equal to 1e-9; median of ${RUNS} interleaved runs`,
      };
    });
  },
};

export default bench;
