import { templateIssues } from '../../../core/appraisal/template-issues';
import { issue } from '../../../core/errors';
import type { Store } from '../../ports';
import { invalid } from './errors';
import type { TemplateInput } from './ports';

/** Refuses (422, every problem with its path) a template whose weights, levels, KPIs or position are wrong. */
export async function checkTemplate(store: Store, input: TemplateInput): Promise<void> {
  const codes = input.groups.flatMap((g) => g.items.flatMap((i) => (i.kind === 'kpi' ? [i.kpiCode] : [])));
  const kpis = await store.appraisal.setup.assignment.kpisByCode([...new Set(codes)]);
  const issues = templateIssues(input.groups, kpis);
  if (input.positionId !== null && !(await store.positions.findById(input.positionId))) {
    issues.push(issue('positionId', 'APPRAISAL_POSITION_UNKNOWN', `Chức danh #${input.positionId} không tồn tại`, `Position #${input.positionId} does not exist`));
  }
  if (issues.length > 0) throw invalid(issues);
}
