import type { Evaluation, RolledKpi } from '../../core/evaluation';
import type { Period } from '../../core/period';
import type { RagStatus } from '../../core/scoring';
import type { KpiRecord } from '../ports';

export interface PeriodView {
  key: string;
  kind: string;
  start: string;
  end: string;
}

export const periodView = (p: Period): PeriodView => ({ key: p.key, kind: p.kind, start: p.start, end: p.end });

/** The numbers of one KPI for one period, flat for tables and charts. */
export interface EvaluationView {
  target: number | null;
  min: number | null;
  max: number | null;
  stretch: number | null;
  /** `exact` or `children` (sum of the child periods' targets); null without a target. */
  targetFrom: string | null;
  actual: number | null;
  /** `exact` or the period kind the actual was added up from. */
  actualFrom: string | null;
  actualPeriods: number;
  achievement: number | null;
  score: number | null;
  status: RagStatus;
  reason: string | null;
  /** The period is still running on the company's today (Đang diễn ra). */
  inProgress: boolean;
  /** In progress, sum KPIs: the expected-to-date target that achievement and status were measured against. */
  expected: number | null;
}

export function evaluationView(e: Evaluation): EvaluationView {
  return {
    target: e.target?.value ?? null,
    min: e.target?.min ?? null,
    max: e.target?.max ?? null,
    stretch: e.target?.stretch ?? null,
    targetFrom: e.target?.from ?? null,
    actual: e.actual?.value ?? null,
    actualFrom: e.actual?.from ?? null,
    actualPeriods: e.actual?.periods ?? 0,
    achievement: e.achievement,
    score: e.score,
    status: e.status,
    reason: e.reason ?? null,
    inProgress: e.open !== undefined,
    expected: e.expected ?? null,
  };
}

export interface KpiHeader {
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  perspective: string;
  unit: string | null;
  direction: string;
  aggregation: string;
  frequency: string | null;
}

export function kpiHeader(k: KpiRecord): KpiHeader {
  return {
    code: k.code,
    name: k.name,
    nameEn: k.nameEn ?? null,
    level: k.level,
    perspective: k.perspective,
    unit: k.unit,
    direction: k.direction,
    aggregation: k.aggregation,
    frequency: k.frequency,
  };
}

export function rolledView(r: RolledKpi | undefined): { rolledScore: number | null; rolledStatus: RagStatus; children: number; missingChildren: number } {
  return { rolledScore: r?.rolledScore ?? null, rolledStatus: r?.rolledStatus ?? 'none', children: r?.children ?? 0, missingChildren: r?.missingChildren ?? 0 };
}
