import { z } from 'zod';
import { cleanText } from './common';

/** Without `period`: the fiscal year containing the company's today is checked for unallocated targets. */
export const OverviewQuery = z.strictObject({ period: cleanText(40, 4).optional() });

const Scope = z.object({ type: z.enum(['company', 'unit', 'person']), id: z.number().nullable() });
const KpiRef = z.object({ kpiCode: z.string(), kpiName: z.string(), kpiNameEn: z.string().nullable() });

/** An expected report whose deadline has passed with no actual (`missing`), or whose actual came in late (`late`). */
export const LateReport = KpiRef.extend({
  scope: Scope,
  scopeLabel: z.string(),
  period: z.string(),
  deadline: z.string(),
  status: z.enum(['missing', 'late']),
});

/** A company or unit target of a sum KPI whose children's targets add up to less (difference = parent − Σ children > 0). */
export const UnallocatedTarget = KpiRef.extend({
  scope: Scope,
  scopeLabel: z.string(),
  period: z.string(),
  parent: z.number(),
  childrenSum: z.number(),
  difference: z.number(),
  children: z.number(),
});

export const Overview = z.object({
  today: z.string(),
  lateReports: z.object({
    /** The closed periods looked at, per period kind (the last 3 of each). */
    periods: z.record(z.string(), z.array(z.string())),
    count: z.number(),
    /** At most 100 items, the longest overdue first; `count` is the full number. */
    items: z.array(LateReport),
  }),
  unallocatedTargets: z.object({
    fiscalYear: z.object({ start: z.string(), end: z.string() }),
    count: z.number(),
    /** At most 100 items, by period then KPI code; `count` is the full number. */
    items: z.array(UnallocatedTarget),
  }),
});
