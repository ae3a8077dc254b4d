import { z } from 'zod';
import { KPI_CODE_PATTERN } from '../core/kpi';
import { Id, cleanText } from './common';

const PeriodKey = cleanText(40, 4);
/** `company`, `unit:<id>` or `person:<id>`. */
export const ScopeText = z.string().regex(/^(company|unit:\d{1,9}|person:\d{1,9})$/);

/** Without `period`: the current month when it has any actual, else the latest month with one (up to a year back). */
export const ScorecardQuery = z.strictObject({ period: PeriodKey.optional(), scope: ScopeText.optional() });
export const StrategyMapQuery = z.strictObject({ period: PeriodKey.optional() });
export const SeriesParams = z.strictObject({ code: z.string().regex(KPI_CODE_PATTERN) });
export const SeriesQuery = z.strictObject({ from: PeriodKey.optional(), to: PeriodKey.optional(), scope: ScopeText.optional() });
/** `kpis=none`: the units and their scores and counts, each with `kpis: []` (a tree to open unit by unit: see UnitKpis). */
export const UnitDashboardQuery = z.strictObject({ period: PeriodKey.optional(), unit: Id.optional(), kpis: z.enum(['all', 'none']).optional() });
export const UnitKpisParams = z.strictObject({ id: Id });
export const UnitKpisQuery = z.strictObject({ period: PeriodKey.optional() });

const num = z.number().nullable();
const Status = z.enum(['green', 'amber', 'red', 'none']);
export const PeriodView = z.object({ key: z.string(), kind: z.string(), start: z.string(), end: z.string() });
/** The period of a scorecard, map or dashboard, and whether it is still running on the company's today. */
const EvaluatedPeriod = PeriodView.extend({ inProgress: z.boolean() });
const Scope = z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() });

const KpiHeader = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.string(),
  perspective: z.string(),
  unit: z.string().nullable(),
  direction: z.string(),
  aggregation: z.string(),
  frequency: z.string().nullable(),
});

/** Target, actual, achievement (uncapped fraction), score (clamped) and RAG status of one KPI for one period. */
const EvaluationView = z.object({
  target: num,
  min: num,
  max: num,
  stretch: num,
  targetFrom: z.string().nullable(),
  actual: num,
  actualFrom: z.string().nullable(),
  actualPeriods: z.number(),
  achievement: num,
  score: num,
  status: Status,
  reason: z.string().nullable(),
  /** The period is still running (Đang diễn ra): sum KPIs are judged against `expected`, the target's expected-to-date share. */
  inProgress: z.boolean(),
  expected: num,
});

export const ScorecardItem = KpiHeader.extend(EvaluationView.shape).extend({
  parents: z.array(z.object({ code: z.string(), weight: z.number() })),
  rolledScore: num,
  rolledStatus: Status,
  children: z.number(),
  missingChildren: z.number(),
});
export const Scorecard = z.object({ period: EvaluatedPeriod, scope: Scope, score: num, status: Status, items: z.array(ScorecardItem) });

const StrategyNodeFields = KpiHeader.extend(EvaluationView.shape).extend({ weight: num, rolledScore: num, rolledStatus: Status });
export type StrategyMapNode = z.infer<typeof StrategyNodeFields> & { children: StrategyMapNode[] };
// The id makes it an OpenAPI component the recursion can point to (without it the document refers to a missing `schema0`).
export const StrategyMapNode: z.ZodType<StrategyMapNode> = StrategyNodeFields.extend({
  get children() {
    return z.array(StrategyMapNode);
  },
}).meta({ id: 'StrategyMapNode' });
export const StrategyMap = z.object({ period: EvaluatedPeriod, score: num, status: Status, roots: z.array(StrategyMapNode) });

const YtdView = z.object({
  year: PeriodView,
  through: z.string(),
  actual: num,
  target: num,
  achievement: num,
  score: num,
  status: Status,
});
const Allowance = z.object({ amount: z.number(), perDay: num, perWeek: num }).nullable();
export const Pace = z.object({
  period: PeriodView,
  target: z.number(),
  actualToDate: z.number(),
  hasActual: z.boolean(),
  expectedBy: z.enum(['days', 'split']),
  totalDays: z.number(),
  elapsedDays: z.number(),
  remainingDays: z.number(),
  expectedShare: z.number(),
  expectedToDate: z.number(),
  gap: z.number(),
  onTrack: z.boolean(),
  forecast: num,
  forecastAchievement: num,
  stillNeeded: Allowance,
  headroom: Allowance,
});
export const KpiSeries = z.object({
  kpi: KpiHeader,
  scope: Scope,
  kind: z.string(),
  today: z.string(),
  points: z.array(EvaluationView.extend({ period: PeriodView, ytd: YtdView.nullable() })),
  ytd: YtdView.nullable(),
  pace: z.object({ period: Pace.nullable(), year: Pace.nullable() }),
  /** The scope has at least one target of this KPI overlapping the range or the current fiscal year. */
  hasTarget: z.boolean(),
});

const UnitKpiView = KpiHeader.extend(EvaluationView.shape).extend({ scopeLevel: z.enum(['unit', 'company']) });

export const UnitDashboard = z.object({
  period: EvaluatedPeriod,
  units: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      parentId: z.number().nullable(),
      depth: z.number(),
      score: num,
      status: Status,
      rolledScore: num,
      rolledStatus: Status,
      kpiCount: z.number(),
      green: z.number(),
      amber: z.number(),
      red: z.number(),
      none: z.number(),
      /**
       * KPIs with a target or actual of this unit (`level: unit`), and KPIs the unit owns (its owner sits
       * in it) shown with their company-scope numbers when the unit has none of its own (`level: company`).
       */
      kpis: z.array(UnitKpiView),
    }),
  ),
});

/** One unit's KPI rows, as in the dashboard (`GET /dashboard/units/{id}/kpis`). */
export const UnitKpis = z.object({
  period: EvaluatedPeriod,
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  kpis: z.array(UnitKpiView),
});
