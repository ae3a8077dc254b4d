import { companyToday, DEFAULT_TIMEZONE, problemIssue, takeActual, unitProblem, type IntakeProblem } from '../../core/actuals';
import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { loadWorkingCalendar } from '../calendar/settings';
import type { ActualRecord, Store } from '../ports';
import { findKpiByCode } from '../kpi/find-kpi';
import { requireWriteActuals } from './access';
import { resolveScope, toScope, type ScopeInput } from '../scope';
import { presentActuals, type ActualView } from './present';
import { recordActual } from './record-actuals';

export { DEFAULT_TIMEZONE };

export interface CheckInInput {
  period: string;
  scope?: ScopeInput | undefined;
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
  comment?: string | null | undefined;
}

/**
 * A person reports the actual of one KPI, period and scope (cập nhật kết quả). Editing keeps every version.
 * Whether it is accepted is the intake's decision (core/actuals), as for API pushes and imports.
 * `late` is decided on the first report (the company's date of `now` after the reporting deadline);
 * corrections after the deadline keep it.
 */
export async function checkIn(store: Store, actor: Actor, now: Date, code: string, input: CheckInInput): Promise<ActualView> {
  const kpi = await findKpiByCode(store, code);
  const target = await resolveScope(store, toScope(input.scope));
  requireWriteActuals(actor, kpi, target);

  const [company, unit, calendar] = await Promise.all([
    store.company.get(),
    target.scope.type === 'unit' ? store.units.findById(target.scope.id) : null,
    loadWorkingCalendar(store),
  ]);
  const taken = takeActual(kpi, input, companyToday(company, now), calendar);
  const problems: IntakeProblem[] = taken.ok ? [] : [...taken.problems];
  const archivedUnit = unit && unitProblem(unit, unit.code);
  if (archivedUnit) problems.push(archivedUnit);
  if (!taken.ok || problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Kết quả cập nhật không hợp lệ.', en: 'The check-in has invalid fields.' }, { issues: problems.map((p) => problemIssue(p)) });
  }

  const p = taken.period;
  return store.transaction(async (tx) => {
    const { written } = await recordActual(tx, { userId: actor.user.id || null, name: actor.user.name }, {
      kpiId: kpi.id,
      period: p.key,
      kind: p.kind,
      start: p.start,
      end: p.end,
      scope: target.scope,
      value: taken.value,
      numerator: taken.numerator,
      denominator: taken.denominator,
      source: 'checkin',
      comment: taken.comment,
      late: taken.late,
    });
    const { actual, before } = written;
    if (written.change !== 'unchanged') {
      await tx.audit.record([
        {
          ...auditActor(actor),
          action: before ? 'update' : 'create',
          entity: 'actual',
          entityId: String(actual.id),
          before: before && auditValue(before),
          after: { kpi: kpi.code, period: p.key, scope: target.scope, ...auditValue(actual) },
        },
      ]);
    }
    return (await presentActuals(tx, kpi, [actual]))[0]!;
  });
}

function auditValue(a: Pick<ActualRecord, 'value' | 'numerator' | 'denominator' | 'comment' | 'late' | 'version'>) {
  return { value: a.value, numerator: a.numerator, denominator: a.denominator, comment: a.comment, late: a.late, version: a.version };
}
