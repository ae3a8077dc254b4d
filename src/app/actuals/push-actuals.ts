import { createHash } from 'node:crypto';
import { DuplicateSlots, companyToday, duplicateProblem, kpiProblem, personProblem, problemIssue, takeActual, unitProblem } from '../../core/actuals';
import { DomainError, issue, type Issue } from '../../core/errors';
import type { ActualWrite, ApiToken, OrgUnit, Store, TargetScope } from '../ports';
import { loadWorkingCalendar } from '../calendar/settings';
import { recordActuals } from './record-actuals';
import type { ScopeInput } from '../scope';

export const MAX_PUSH_ITEMS = 10_000;

export interface PushItem {
  kpi: string;
  period: string;
  scope?: ScopeInput | undefined;
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
  comment?: string | null | undefined;
}

export interface PushResult {
  count: number;
  inserted: number;
  updated: number;
  unchanged: number;
  recomputed: number;
}

/**
 * An integration writes a batch of actuals: all or nothing; every bad item is reported by index and field.
 * The Idempotency-Key makes retries safe: the same key and body give the stored answer again without writing;
 * the same key with another body is refused.
 */
export async function pushActuals(
  store: Store,
  token: ApiToken,
  now: Date,
  idempotencyKey: string | undefined,
  items: PushItem[],
): Promise<{ result: PushResult; replayed: boolean }> {
  const key = checkKey(idempotencyKey);
  const requestHash = createHash('sha256').update(stableJson(items)).digest('hex');
  return store.transaction(async (tx) => {
    const stored = await tx.apiTokens.claimIdempotent(token.id, key, requestHash);
    if (stored) {
      if (stored.requestHash !== requestHash) throw keyReused(key);
      return { result: stored.response as PushResult, replayed: true };
    }
    const rows = await toRows(tx, token, now, items);
    const written = await recordActuals(tx, { userId: null, name: token.name }, rows);
    const result: PushResult = { count: rows.length, ...written };
    await tx.audit.record([
      {
        actorUserId: null,
        actorName: token.name,
        action: 'import',
        entity: 'actual',
        entityId: `api-token:${token.id}`,
        before: null,
        after: { idempotencyKey: key, ...result },
      },
    ]);
    await tx.apiTokens.saveIdempotent(token.id, key, result);
    return { result, replayed: false };
  });
}

function checkKey(key: string | undefined): string {
  const trimmed = key?.trim() ?? '';
  if (trimmed.length >= 1 && trimmed.length <= 100) return trimmed;
  throw new DomainError('VALIDATION_FAILED', { vi: 'Thiếu Idempotency-Key.', en: 'Idempotency-Key is missing.' }, {
    issues: [
      issue(
        'headers.idempotency-key',
        trimmed ? 'too_big' : 'required',
        'Header Idempotency-Key là bắt buộc, dài 1–100 ký tự.',
        'The Idempotency-Key header is required, 1–100 characters.',
      ),
    ],
  });
}

function keyReused(key: string): DomainError {
  return new DomainError(
    'IDEMPOTENCY_KEY_REUSED',
    {
      vi: `Idempotency-Key "${key}" đã được dùng cho một yêu cầu khác. Hãy dùng khóa mới cho dữ liệu mới.`,
      en: `Idempotency-Key "${key}" was already used for a different request. Use a new key for new data.`,
    },
    { params: { key } },
  );
}

/** JSON with object keys sorted, so the same body hashes the same whatever the key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function toRows(store: Store, token: ApiToken, now: Date, items: PushItem[]): Promise<ActualWrite[]> {
  const allowed = token.kpiCodes.length > 0 ? new Set(token.kpiCodes) : null;
  const denied = items.flatMap((item, i) =>
    allowed && !allowed.has(item.kpi)
      ? [issue(`actuals.${i}.kpi`, 'forbidden', `API token không được ghi KPI ${item.kpi}.`, `This API token may not write KPI ${item.kpi}.`)]
      : [],
  );
  if (denied.length > 0) {
    throw new DomainError('FORBIDDEN', { vi: 'API token không được ghi một số KPI.', en: 'This API token may not write some of these KPIs.' }, { issues: denied });
  }

  const personIds = [...new Set(items.filter((i) => i.scope?.type === 'person' && i.scope.id != null).map((i) => i.scope!.id!))];
  const [kpiList, unitList, people, company] = await Promise.all([
    store.kpis.list(),
    store.units.list(),
    personIds.length ? store.people.query({ personIds, limit: personIds.length, offset: 0 }) : { items: [] },
    store.company.get(),
  ]);
  const kpis = new Map(kpiList.map((k) => [k.code, k]));
  const units = new Map(unitList.map((u) => [u.id, u]));
  const knownPeople = new Set(people.items.map((p) => p.id));
  const today = companyToday(company, now);
  const calendar = await loadWorkingCalendar(store);

  const issues: Issue[] = [];
  const rows: ActualWrite[] = [];
  const slots = new DuplicateSlots<string, string>();
  items.forEach((item, i) => {
    const at = `actuals.${i}.`;
    const kpi = kpis.get(item.kpi);
    const unknown = kpiProblem(kpi, item.kpi);
    if (unknown) return issues.push(problemIssue(unknown, at));
    const taken = takeActual(kpi!, item, today, calendar);
    if (!taken.ok) issues.push(...taken.problems.map((p) => problemIssue(p, at)));
    const scope = scopeOf(item.scope, at, units, knownPeople, issues);
    if (!taken.ok || !scope) return;
    const p = taken.period;
    const first = slots.firstOf(kpi!.id, p.key, `${scope.type}:${scope.id ?? ''}`, i);
    if (first !== undefined) return issues.push(problemIssue(duplicateProblem({ vi: `mục ${first}`, en: `item ${first}` }), at));
    rows.push({
      kpiId: kpi!.id,
      period: p.key,
      kind: p.kind,
      start: p.start,
      end: p.end,
      scope,
      value: taken.value,
      numerator: taken.numerator,
      denominator: taken.denominator,
      source: 'api',
      comment: taken.comment,
      late: taken.late,
    });
  });
  if (issues.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { vi: `${issues.length} lỗi trong dữ liệu gửi lên; chưa ghi gì.`, en: `${issues.length} problems in the request; nothing was written.` },
      { issues },
    );
  }
  return rows;
}

function scopeOf(input: ScopeInput | undefined, at: string, units: Map<number, OrgUnit>, people: Set<number>, issues: Issue[]): TargetScope | null {
  if (!input || input.type === 'company') return { type: 'company', id: null };
  if (input.id == null) {
    issues.push(issue(`${at}scope.id`, 'required', 'Phạm vi phòng ban hoặc nhân sự cần có id.', 'A unit or person scope needs an id.'));
    return null;
  }
  const unit = input.type === 'unit' ? units.get(input.id) : undefined;
  const problem = input.type === 'unit' ? unitProblem(unit, unit ? unit.code : `#${input.id}`) : personProblem(people.has(input.id) ? {} : null, `#${input.id}`);
  if (problem) {
    issues.push(problemIssue(problem, at));
    return null;
  }
  return { type: input.type, id: input.id };
}
