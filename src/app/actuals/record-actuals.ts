import { DuplicateSlots, duplicateProblem, periodKindOf, problemIssue, recomputePlan } from '../../core/actuals';
import { DomainError, issue } from '../../core/errors';
import { evaluateFormulaSet, type FormulaNode } from '../../core/formula';
import type { ActualRecord, ActualWrite, FormulaKpiRow, Store, TargetScope, WrittenActual } from '../ports';
import { parsedFormula } from './parsed-formulas';
import { assertValuesOpen, refreshAfterValues } from '../appraisal/results/value-hooks';

export interface RecordResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Formula values computed and written (changed or not) because one of their inputs was written. */
  recomputed: number;
}

type By = { userId: number | null; name: string };

/** A period and scope some actuals were written for. */
export type Slot = Pick<ActualWrite, 'period' | 'kind' | 'start' | 'end' | 'scope'>;

const slotKey = (period: string, scope: TargetScope) => `${period}|${scope.type}|${scope.id ?? ''}`;

/**
 * Writes actuals the intake accepted (core/actuals), then recomputes every formula KPI that depends (directly
 * or through other formula KPIs) on a written KPI, for the same periods and scopes. Runs inside the caller's
 * transaction. A formula without a value (an input missing, division by zero) has none for that period and
 * scope: an earlier computed value there is removed.
 */
export async function recordActuals(store: Store, by: By, rows: ActualWrite[]): Promise<RecordResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, recomputed: 0 };
  const formulas = await store.actuals.formulaKpis();
  rejectUnwritable(rows, formulas);
  await assertValuesOpen(store, rows);
  const written = await store.actuals.upsert(rows, by);
  const recomputed = await recomputeFormulas(store, by, new Set(rows.map((r) => r.kpiId)), rows, formulas);
  await refreshAfterValues(store, rows);
  return { ...written, recomputed };
}

/** One actual (a check-in): the same as `recordActuals`, and the slot as stored afterwards, without a read-back. */
export async function recordActual(store: Store, by: By, row: ActualWrite): Promise<RecordResult & { written: WrittenActual }> {
  const formulas = await store.actuals.formulaKpis();
  rejectUnwritable([row], formulas);
  await assertValuesOpen(store, [row]);
  const { rows, ...counts } = await store.actuals.upsertReturning([row], by);
  const recomputed = await recomputeFormulas(store, by, new Set([row.kpiId]), [row], formulas);
  await refreshAfterValues(store, [row]);
  return { ...counts, recomputed, written: rows[0]! };
}

/**
 * A last guard under the intake, for any caller: no value entered for a computed KPI, no slot twice
 * (the upsert could not take it). Same codes as the intake.
 */
function rejectUnwritable(rows: ActualWrite[], formulas: FormulaKpiRow[]): void {
  const computed = new Set(formulas.map((f) => f.id));
  const slots = new DuplicateSlots<string, string>();
  const issues = rows.flatMap((r, i) => {
    const first = slots.firstOf(r.kpiId, r.period, `${r.scope.type}:${r.scope.id ?? ''}`, i);
    if (first !== undefined) return [problemIssue(duplicateProblem({ vi: `mục ${first}`, en: `item ${first}` }), `${i}.`)];
    if (r.source !== 'formula' && computed.has(r.kpiId)) {
      return [issue(`${i}.kpi`, 'computed_kpi', `KPI #${r.kpiId} được tính bằng công thức, không nhập số liệu trực tiếp.`, `KPI #${r.kpiId} is computed by a formula and takes no entered values.`)];
    }
    return [];
  });
  if (issues.length > 0) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Số liệu thực hiện không hợp lệ.', en: 'The actuals are invalid.' }, { issues });
  }
}

/**
 * Recomputes the formula KPIs that depend on `changedKpiIds`, for each period and scope in `written` (repeats
 * are fine), from the inputs stored now. Reads only the computed KPIs (id, code, formula: parsed once and
 * cached) and the ids of their inputs, never the whole KPI library. Returns how many values were computed.
 */
export async function recomputeFormulas(
  store: Store,
  by: By,
  changedKpiIds: ReadonlySet<number>,
  written: Iterable<Slot>,
  formulaRows?: FormulaKpiRow[],
): Promise<number> {
  const formulas = formulaRows ?? (await store.actuals.formulaKpis());
  if (formulas.length === 0) return 0;
  const parsed = new Map<string, FormulaNode>();
  const graph: Record<string, string[]> = {};
  for (const f of formulas) {
    const p = parsedFormula(f.formula);
    if (!p) continue;
    parsed.set(f.code, p.ast);
    graph[f.code] = p.refs;
  }
  // Ids of every code a formula uses: written KPIs are found among them, or no formula depends on them.
  const idOf = await store.actuals.kpiIdsByCode([...new Set(Object.values(graph).flat())]);
  for (const f of formulas) idOf.set(f.code, f.id);
  const codeOf = new Map([...idOf].map(([code, id]) => [id, code]));
  const changedCodes = [...changedKpiIds].flatMap((id) => codeOf.get(id) ?? []);
  const plan = recomputePlan(graph, changedCodes);
  if (plan.order.length === 0) return 0;

  const slots = new Map<string, Slot>();
  for (const s of written) slots.set(slotKey(s.period, s.scope), s);
  const inputIds = plan.inputs.flatMap((c) => idOf.get(c) ?? []);
  const from = minOf([...slots.values()].map((s) => s.start));
  const to = maxOf([...slots.values()].map((s) => s.end));
  // One query for the inputs of every affected period and scope; rows outside the written slots are ignored.
  const stored = await store.actuals.list({ kpiIds: inputIds, from, to });
  const valuesBySlot = groupValues(stored, slots, codeOf);
  const byCode = new Map(formulas.map((f) => [f.code, f]));

  const results: ActualWrite[] = [];
  const noValue: { kpiId: number; kind: string; start: string; scope: TargetScope }[] = [];
  for (const [key, slot] of slots) {
    const computed = evaluateFormulaSet({ formulas: parsed, order: plan.order }, valuesBySlot.get(key) ?? {});
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
  const touched = [...results, ...noValue.map((n) => ({ ...n, end: n.start }))];
  await assertValuesOpen(store, touched);
  if (results.length > 0) await store.actuals.upsert(results, by);
  // A value computed earlier from inputs that no longer give one (e.g. revenue now 0) must not linger.
  if (noValue.length > 0) await store.actuals.removeComputed(noValue);
  await refreshAfterValues(store, touched);
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
