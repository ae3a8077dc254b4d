import { suggestReasons, type Suggestion } from '../../core/diagnostics';
import type { EvaluatedKpi } from '../../core/evaluation';
import { checkSmart } from '../../core/smart';
import { definitionOf, smartContext } from '../kpi/kpi-checks';
import type { KpiRecord, Store, TargetScope } from '../ports';
import { evaluateKpis, yearEarlier, type SlotEvaluation } from './evaluate-slot';

/**
 * The data behind suggested reasons for the missed KPIs of one slot, gathered set-based (one query per kind of
 * fact, not per KPI): SMART findings, target agreement of the cycle overlapping the period, late or missing
 * values, and the actual of the same period a year earlier.
 */
export async function suggestionsFor(store: Store, slot: SlotEvaluation, scope: TargetScope, missed: KpiRecord[]): Promise<Map<number, Suggestion[]>> {
  const out = new Map<number, Suggestion[]>();
  if (missed.length === 0) return out;
  const ids = missed.map((k) => k.id);
  const earlier = yearEarlier(slot.period);
  const [ctx, agreement, actuals, lastYear] = await Promise.all([
    smartContext(store, ''),
    store.diagnostics.agreementStates({ kpiIds: ids, start: slot.period.start, end: slot.period.end, scope }),
    store.actuals.list({ kpiIds: ids, scope, from: slot.period.start, to: slot.period.end }),
    earlier ? evaluateKpis(store, missed, earlier, scope) : Promise.resolve(new Map<string, EvaluatedKpi>()),
  ]);
  const late = new Set(actuals.filter((a) => a.late).map((a) => a.kpiId));
  for (const k of missed) {
    const row = slot.rows.get(k.code);
    const findings = checkSmart(definitionOf(k), { ...ctx, formulaValid: undefined });
    out.set(
      k.id,
      suggestReasons({
        smartFindings: findings.map((f) => f.code),
        agreementStates: agreement.get(k.id) ?? [],
        late: late.has(k.id),
        missing: !row?.actual,
        target: row?.target?.value ?? null,
        lastYearActual: lastYear.get(k.code)?.actual?.value ?? null,
      }),
    );
  }
  return out;
}
