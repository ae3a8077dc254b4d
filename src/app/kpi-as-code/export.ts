import { toYaml } from '../../core/kpi-as-code';
import type { Store } from '../ports';
import { loadSnapshot } from './snapshot';

/** The whole scorecard as KPI-as-code YAML (stable order, so a round trip is byte-identical). */
export async function exportKpiFile(store: Store): Promise<string> {
  return toYaml(await loadSnapshot(store));
}
