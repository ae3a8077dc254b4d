import type { z } from 'zod';
import type { CascadeResult, SumCheck, TargetRecord } from '../../../contract/kpi';

// Types only: the zod schemas stay out of the web bundle.
export type TargetRecordT = z.infer<typeof TargetRecord>;
export type SumCheckT = z.infer<typeof SumCheck>;
export type SumMismatchT = SumCheckT['mismatches'][number];
export type CascadeResultT = z.infer<typeof CascadeResult>;

export type ScopeType = 'company' | 'unit' | 'person';
export interface ScopeRef {
  type: ScopeType;
  id: number | null;
}
/** `company`, `unit:3`, `person:7` — the same keys the API's sum check uses. */
export type ScopeKey = string;

export interface TargetInput {
  period: string;
  value: number;
  min?: number;
  max?: number;
  stretch?: number;
}
