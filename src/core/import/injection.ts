/** Former name of the formula-cell rule, kept for callers not moved yet: see formula-cells.ts. */
export { isFormulaCell as isFormulaInjection } from './formula-cells';
