import { fromScaled } from './decimal';
import { allLocked, indexInvalid, numberInvalid, TOTAL_LABEL } from './errors';
import { splitUnits, toSteps, unitsOf } from './split';

export interface PartEdit {
  index: number;
  value: number;
}

export interface RedistributeInput {
  /** The current parts (e.g. the 12 monthly targets). */
  values: readonly number[];
  /** Parts given a new value; they keep it (they are locked). */
  edits?: readonly PartEdit[];
  /** Indexes of parts that keep their current value. */
  locked?: readonly number[];
  /** The total to keep; default the sum of the current values. */
  total?: number;
  /** Default 1. */
  step?: number;
}

const partLabel = (i: number) => ({ vi: `Phần thứ ${i + 1}`, en: `Part ${i + 1}` });

/**
 * After editing some parts (or locking them), spread the difference over the unlocked parts in
 * proportion to their current values (evenly when they are all 0), rounded to the step with the
 * largest-remainder rule, so the parts still add up exactly to the total.
 */
export function redistribute(input: RedistributeInput): number[] {
  const { values } = input;
  const step = input.step ?? 1;
  const edits = input.edits ?? [];
  for (const index of [...edits.map((e) => e.index), ...(input.locked ?? [])]) {
    if (!Number.isInteger(index) || index < 0 || index >= values.length) throw indexInvalid(index, values.length);
  }
  for (const [i, v] of values.entries()) if (!Number.isFinite(v)) throw numberInvalid(partLabel(i), v);
  for (const e of edits) if (!Number.isFinite(e.value)) throw numberInvalid(partLabel(e.index), e.value);
  if (input.total !== undefined && !Number.isFinite(input.total)) throw numberInvalid(TOTAL_LABEL, input.total);

  const all = [...values, ...edits.map((e) => e.value), input.total ?? 0];
  const labels = [...values.map((_, i) => partLabel(i)), ...edits.map((e) => partLabel(e.index)), TOTAL_LABEL];
  const scaled = toSteps(step, all);
  const units = scaled.values.map((v, i) => unitsOf(v, scaled.step, labels[i] ?? TOTAL_LABEL, all[i] as number, step));
  const current = units.slice(0, values.length);
  const totalUnits = input.total === undefined ? current.reduce((a, b) => a + b, 0n) : (units[units.length - 1] as bigint);

  const next = [...current];
  const fixed = new Set<number>(input.locked ?? []);
  edits.forEach((e, j) => {
    next[e.index] = units[values.length + j] as bigint;
    fixed.add(e.index);
  });
  const free = values.map((_, i) => i).filter((i) => !fixed.has(i));
  const remaining = totalUnits - [...fixed].reduce((sum, i) => sum + (next[i] as bigint), 0n);

  if (free.length === 0) {
    if (remaining !== 0n) throw allLocked();
  } else {
    const abs = free.map((i) => ((current[i] as bigint) < 0n ? -(current[i] as bigint) : (current[i] as bigint)));
    const weights = abs.every((w) => w === 0n) ? abs.map(() => 1n) : abs;
    splitUnits(remaining, weights).forEach((u, j) => {
      next[free[j] as number] = u;
    });
  }
  return next.map((u) => fromScaled(u * scaled.step, scaled.scale));
}
