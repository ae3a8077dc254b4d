import type { Store } from '../../ports';

/**
 * Recomputes the stored results of these sheets (item actuals from the person's values over the cycle,
 * item/group/final scores, grade, coefficient, bonus) and the unit averages above them. Call it, in the same
 * transaction, after anything that changes a result: a target, a weight, a manager rating, a calibration,
 * a bonus base, a new value.
 */
export async function refreshSheets(_store: Store, _sheetIds: readonly number[]): Promise<void> {
  // Results engine: filled in by the results work (issue 11).
}

/** Computes and stores the final results of every sheet of a cycle in one pass (at lock). */
export async function closeCycle(_store: Store, _cycleId: number): Promise<void> {
  // Results engine: filled in by the results work (issue 11).
}
