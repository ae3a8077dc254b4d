import { isLate, periodForKpi, valueParts } from '../../core/actuals';
import { DomainError, type Issue } from '../../core/errors';
import { localDate } from '../../core/period';
import { auditActor, type Actor } from '../actor';
import type { Store } from '../ports';
import { findKpiByCode } from '../kpi/find-kpi';
import { requireEnterable, requireWriteActuals } from './access';
import { resolveScope } from '../scope';
import { presentActuals, type ActualView } from './present';
import { recordActuals } from './record-actuals';
import { sameScope, toScope, type ScopeInput } from '../scope';

export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

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
 * `late` is decided on the first report (the company's calendar date of `now` after the reporting deadline);
 * corrections after the deadline keep it.
 */
export async function checkIn(store: Store, actor: Actor, now: Date, code: string, input: CheckInInput): Promise<ActualView> {
  const kpi = await findKpiByCode(store, code);
  requireEnterable(kpi);
  const target = await resolveScope(store, toScope(input.scope));
  requireWriteActuals(actor, kpi, target);

  const issues: Issue[] = [];
  const period = periodForKpi(kpi.frequency, input.period);
  if (!period.ok) issues.push(period.issue);
  const parts = valueParts(kpi.aggregation, input);
  if (!parts.ok) issues.push(...parts.issues);
  if (!period.ok || !parts.ok) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Kết quả cập nhật không hợp lệ.', en: 'The check-in has invalid fields.' }, { issues });
  }

  const timezone = (await store.company.get())?.timezone ?? DEFAULT_TIMEZONE;
  const p = period.period;
  const comment = input.comment?.trim() || null;

  return store.transaction(async (tx) => {
    const find = async () =>
      (await tx.actuals.list({ kpiIds: [kpi.id], scope: target.scope, kind: p.kind, from: p.start, to: p.end })).find(
        (a) => a.period === p.key && sameScope(a.scope, target.scope),
      ) ?? null;
    const before = await find();
    // Late if reported after the deadline; a correction keeps the first report's lateness (the store does).
    const late = isLate(p.end, kpi.reportWithinDays, localDate(now, timezone));
    const result = await recordActuals(tx, { userId: actor.user.id || null, name: actor.user.name }, [
      {
        kpiId: kpi.id,
        period: p.key,
        kind: p.kind,
        start: p.start,
        end: p.end,
        scope: target.scope,
        value: parts.value,
        numerator: parts.numerator,
        denominator: parts.denominator,
        source: 'checkin',
        comment,
        late,
      },
    ]);
    const after = (await find())!;
    if (result.inserted + result.updated > 0) {
      await tx.audit.record([
        {
          ...auditActor(actor),
          action: before ? 'update' : 'create',
          entity: 'actual',
          entityId: String(after.id),
          before: before && auditValue(before),
          after: { kpi: kpi.code, period: p.key, scope: target.scope, ...auditValue(after) },
        },
      ]);
    }
    return (await presentActuals(tx, kpi, [after]))[0]!;
  });
}

function auditValue(a: { value: number; numerator: number | null; denominator: number | null; comment: string | null; late: boolean; version: number }) {
  return { value: a.value, numerator: a.numerator, denominator: a.denominator, comment: a.comment, late: a.late, version: a.version };
}
