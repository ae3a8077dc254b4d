import type { z } from 'zod';
import type { ActionPlan, Drivers, MissItem, Misses, Pareto } from '../../../contract/diagnostics';

// Types only: the zod schemas stay out of the web bundle.
export type MissesT = z.infer<typeof Misses>;
export type MissItemT = z.infer<typeof MissItem>;
export type ParetoT = z.infer<typeof Pareto>;
export type ParetoBarT = ParetoT['bars'][number];
export type ActionPlanT = z.infer<typeof ActionPlan>;
export type DriversT = z.infer<typeof Drivers>;
export type ScopeT = { type: 'company' | 'unit' | 'person'; id: number | null };

/** `2026-06-15` → `15/06/2026` (dates are dd/mm/yyyy in every language). */
export const ddmmyyyy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
