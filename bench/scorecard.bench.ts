import { SYSTEM_ACTOR } from '../src/app/actor';
import { getScorecard } from '../src/app/evaluation';
import { createStore } from '../src/db/store';
import { onEachEngine } from './databases';
import { close, median, time, type Bench, type Measurement } from './harness';
import { handWrittenUnitScores, KPIS, MONTHS, seedUnitKpis, UNITS } from './unit-kpi-seed';

const RUNS = 5;
const UNIT = Math.min(500, UNITS);

/** The 2025 scorecard of one unit (its KPIs, evaluated and scored) against one hand-written SQL statement. */
const bench: Bench = {
  name: 'scorecard',
  async run({ engines, log }): Promise<Measurement[]> {
    return onEachEngine(engines, async (engine, database): Promise<Measurement> => {
      const load = await time(() => seedUnitKpis(database.db));
      const store = createStore(database.db);
      const query = { period: '2025', scope: { type: 'unit' as const, id: UNIT } };
      const card = await getScorecard(store, SYSTEM_ACTOR, query);
      const hand = (await handWrittenUnitScores(database.db, UNIT)).get(UNIT);
      const agree = card.score !== null && hand !== undefined && close(card.score, hand);
      const ours: number[] = [];
      const plain: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(await time(() => getScorecard(store, SYSTEM_ACTOR, query)));
        plain.push(await time(() => handWrittenUnitScores(database.db, UNIT)));
      }
      log(`    ${engine}: loaded in ${load.toFixed(1)} s; score ${card.score} vs ${hand}`);
      return {
        name: 'scorecard of one unit',
        engine,
        value: 1000 * median(ours),
        unit: 'ms',
        baseline: 'hand-written SQL',
        baselineValue: 1000 * median(plain),
        better: 'lower',
        agree,
        note: `unit ${UNIT} of ${UNITS.toLocaleString('en-US')} (${KPIS} KPIs × ${MONTHS} months each); its score equal to 1e-9; median of ${RUNS} interleaved runs`,
      };
    });
  },
};

export default bench;
