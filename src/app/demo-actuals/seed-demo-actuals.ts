import type { IsoDate } from '../../core/period';
import type { Store } from '../ports';
import { generateDemoHistory } from './generate';

/**
 * Writes two years of demo history for the KPIs in the store: 2025 targets where only 2026 ones exist,
 * then every actual in one bulk upsert. Running it again changes nothing (same numbers, upserts are idempotent).
 */
export async function seedDemoActuals(store: Store, options: { today: IsoDate }): Promise<{ targets: number; actuals: number }> {
  const [kpis, targets, units] = await Promise.all([
    store.kpis.list(),
    store.targets.list({ from: '2025-01-01' }),
    store.units.list(),
  ]);
  const history = generateDemoHistory({ today: options.today, kpis: kpis.filter((k) => k.status !== 'archived'), targets, units });
  if (history.targets.length > 0) await store.targets.upsert(history.targets);
  if (history.actuals.length > 0) await store.actuals.upsert(history.actuals, { userId: null, name: 'Dữ liệu mẫu' });
  return { targets: history.targets.length, actuals: history.actuals.length };
}
