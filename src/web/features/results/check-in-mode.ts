/** How a check-in treats a period that already has a value: replace it, or (sum KPIs) add the amount typed to it. */
export type CheckInMode = 'replace' | 'add';

/** Adding is offered only where amounts add up: a sum KPI whose period already has a value. */
export function canAddTo(aggregation: string, stored: number | undefined): stored is number {
  return aggregation === 'sum' && stored !== undefined;
}

/**
 * The value the check-in sends: the amount typed, or stored + typed when adding. The sum is rounded
 * to 12 significant digits so 0.1 + 0.2 gives 0.3, not 0.30000000000000004.
 */
export function valueToSend(mode: CheckInMode, typed: number, stored: number | undefined): number {
  if (mode !== 'add' || stored === undefined) return typed;
  return Number((stored + typed).toPrecision(12));
}
