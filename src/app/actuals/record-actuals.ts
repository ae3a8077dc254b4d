import { formulaDependents, periodKindOf } from '../../core/actuals';
import { DomainError, issue } from '../../core/errors';
import { evaluateFormulaSet, references, validateFormulaSet, type DependencyGraph } from '../../core/formula';
import type { ActualRecord, ActualWrite, KpiRecord, Store, TargetScope } from '../ports';

export interface RecordResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Formula values computed and written (changed or not) because one of their inputs was written. */
  recomputed: number;
}

/** A period and scope some actuals were written for. */
export type Slot = Pick<ActualWrite, 'period' | 'kind' | 'start' | 'end' | 'scope'>;

const slotKey = (period: string, scope: TargetScope) => `${period}|${scope.type}|${scope.id ?? ''}`;

/**
 * Writes actuals, then recomputes every formula KPI that depends (directly or through other formula KPIs)
 * on a written KPI, for the same periods and scopes. Runs inside the caller's transaction.
 * A formula without a value (an input missing, division by zero) has none for that period and scope:
 * an earlier computed value there is removed.
 */
export async function recordActuals(store: Store, by: { userId: number | null; name: string }, rows: ActualWrite[]): Promise<RecordResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, recomputed: 0 };
  const kpis = await store.kpis.list();
  const byId = new Map(kpis.map((k) => [k.id, k]));
  rejectUnwritable(rows, byId);

  const written = await store.actuals.upsert(rows, by);
  const recomputed = await recomputeFormulas(store, by, kpis, new Set(rows.map((r) => r.kpiId)), rows);
  return { ...written, recomputed };
}

function isFormula(k: KpiRecord): boolean {
  return k.source === 'formula' && !!k.formula && k.status !== 'archived';
}

/** Rows the upsert cannot take: unknown KPIs, computed KPIs, the same (KPI, period, scope) twice. */
function rejectUnwritable(rows: ActualWrite[], byId: Map<number, KpiRecord>): void {
  const seen = new Set<string>();
  const issues = rows.flatMap((r, i) => {
    const key = `${r.kpiId}|${slotKey(r.period, r.scope)}`;
    if (seen.has(key)) return [issue(`${i}.period`, 'duplicate', `Kỳ ${r.period} của KPI này bị lặp.`, `Period ${r.period} of this KPI is listed twice.`)];
    seen.add(key);
    const kpi = byId.get(r.kpiId);
    if (!kpi) return [issue(`${i}.kpi`, 'not_found', `KPI #${r.kpiId} không tồn tại.`, `KPI #${r.kpiId} does not exist.`)];
    if (r.source !== 'formula' && kpi.source === 'formula') {
      return [issue(`${i}.kpi`, 'computed_kpi', `KPI ${kpi.code} được tính bằng công thức, không nhập trực tiếp.`, `KPI ${kpi.code} is computed by a formula and cannot be entered.`)];
    }
    return [];
  });
  if (issues.length > 0) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Số liệu thực hiện không hợp lệ.', en: 'The actuals are invalid.' }, { issues });
  }
}

/**
 * Recomputes the formula KPIs that depend on `changedKpiIds`, for each period and scope in `written` (repeats are fine),
 * from the inputs stored now. Returns how many values were computed.
 */
export async function recomputeFormulas(
  store: Store,
  by: { userId: number | null; name: string },
  kpis: KpiRecord[],
  changedKpiIds: ReadonlySet<number>,
  written: Iterable<Slot>,
): Promise<number> {
  const formulaKpis = kpis.filter(isFormula);
  if (formulaKpis.length === 0) return 0;
  const codeOf = new Map(kpis.map((k) => [k.id, k.code]));
  const idOf = new Map(kpis.map((k) => [k.code, k.id]));
  const byCode = new Map(kpis.map((k) => [k.code, k]));

  const set = validateFormulaSet(
    formulaKpis.map((k) => ({ code: k.code, formula: k.formula! })),
    kpis.filter((k) => !isFormula(k)).map((k) => k.code),
  );
  const graph: Record<string, string[]> = {};
  for (const [code, ast] of set.formulas) graph[code] = references(ast);
  const changedCodes = new Set([...changedKpiIds].map((id) => codeOf.get(id)!));
  const affected = formulaDependents(graph as DependencyGraph, changedCodes);
  const order = set.order.filter((code) => affected.has(code));
  if (order.length === 0) return 0;

  const slots = new Map<string, Slot>();
  for (const s of written) slots.set(slotKey(s.period, s.scope), s);
  const inputCodes = new Set(order.flatMap((code) => graph[code] ?? []));
  const inputIds = [...inputCodes].map((c) => idOf.get(c)).filter((id): id is number => id !== undefined);
  const from = minOf([...slots.values()].map((s) => s.start));
  const to = maxOf([...slots.values()].map((s) => s.end));
  // One query for the inputs of every affected period and scope; rows outside the written slots are ignored.
  const stored = await store.actuals.list({ kpiIds: inputIds, from, to });
  const valuesBySlot = groupValues(stored, slots, codeOf);

  const results: ActualWrite[] = [];
  const noValue: { kpiId: number; kind: string; start: string; scope: TargetScope }[] = [];
  for (const [key, slot] of slots) {
    const values = valuesBySlot.get(key) ?? {};
    for (const code of order) delete values[code];
    const computed = evaluateFormulaSet({ formulas: set.formulas, order }, values);
    for (const [code, result] of computed) {
      const kpi = byCode.get(code)!;
      // A monthly input does not make a value for a quarterly formula KPI (that comes from its own period's inputs).
      if (kpi.frequency !== null && periodKindOf(kpi.frequency) !== slot.kind) continue;
      if (!result.ok) {
        noValue.push({ kpiId: kpi.id, kind: slot.kind, start: slot.start, scope: slot.scope });
        continue;
      }
      results.push({
        kpiId: kpi.id,
        period: slot.period,
        kind: slot.kind,
        start: slot.start,
        end: slot.end,
        scope: slot.scope,
        value: result.value,
        source: 'formula',
        comment: null,
        late: false,
      });
    }
  }
  if (results.length > 0) await store.actuals.upsert(results, by);
  // A value computed earlier from inputs that no longer give one (e.g. revenue now 0) must not linger.
  if (noValue.length > 0) await store.actuals.removeComputed(noValue);
  return results.length;
}

function groupValues(stored: ActualRecord[], slots: Map<string, Slot>, codeOf: Map<number, string>): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const a of stored) {
    const key = slotKey(a.period, a.scope);
    if (!slots.has(key)) continue;
    const values = out.get(key) ?? {};
    values[codeOf.get(a.kpiId)!] = a.value;
    out.set(key, values);
  }
  return out;
}

const minOf = (xs: string[]) => xs.reduce((a, b) => (b < a ? b : a));
const maxOf = (xs: string[]) => xs.reduce((a, b) => (b > a ? b : a));
