import { createHash } from 'node:crypto';
import { isLate, periodForKpi, valueParts } from '../../core/actuals';
import { DomainError, issue, type Issue } from '../../core/errors';
import { localDate } from '../../core/period';
import type { ActualWrite, ApiToken, KpiRecord, Store, TargetScope } from '../ports';
import { DEFAULT_TIMEZONE } from './check-in';
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
  const kpis = new Map((await store.kpis.list()).map((k) => [k.code, k]));
  const allowed = token.kpiCodes.length > 0 ? new Set(token.kpiCodes) : null;
  const denied = items.flatMap((item, i) =>
    allowed && !allowed.has(item.kpi)
      ? [issue(`actuals.${i}.kpi`, 'forbidden', `API token không được ghi KPI ${item.kpi}.`, `This API token may not write KPI ${item.kpi}.`)]
      : [],
  );
  if (denied.length > 0) {
    throw new DomainError('FORBIDDEN', { vi: 'API token không được ghi một số KPI.', en: 'This API token may not write some of these KPIs.' }, { issues: denied });
  }

  const unitIds = new Set((await store.units.list()).map((u) => u.id));
  const personIds = [...new Set(items.filter((i) => i.scope?.type === 'person' && i.scope.id != null).map((i) => i.scope!.id!))];
  const people = personIds.length ? (await store.people.query({ personIds, limit: personIds.length, offset: 0 })).items : [];
  const knownPeople = new Set(people.map((p) => p.id));
  const timezone = (await store.company.get())?.timezone ?? DEFAULT_TIMEZONE;
  const today = localDate(now, timezone);

  const issues: Issue[] = [];
  const rows: ActualWrite[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = `actuals.${i}.`;
    const kpi = kpis.get(item.kpi);
    const kpiIssue = kpiProblem(kpi, item.kpi, `${at}kpi`);
    if (kpiIssue) return issues.push(kpiIssue);
    const period = periodForKpi(kpi!.frequency, item.period, `${at}period`);
    if (!period.ok) issues.push(period.issue);
    const parts = valueParts(kpi!.aggregation, item, at);
    if (!parts.ok) issues.push(...parts.issues);
    const scope = scopeOf(item.scope, at, unitIds, knownPeople, issues);
    if (!period.ok || !parts.ok || !scope) return;
    const p = period.period;
    const dup = `${kpi!.id}|${p.key}|${scope.type}|${scope.id ?? ''}`;
    if (seen.has(dup)) return issues.push(issue(`${at}period`, 'duplicate', `KPI ${item.kpi} kỳ ${p.key} bị lặp trong yêu cầu.`, `KPI ${item.kpi} period ${p.key} is in the request twice.`));
    seen.add(dup);
    rows.push({
      kpiId: kpi!.id,
      period: p.key,
      kind: p.kind,
      start: p.start,
      end: p.end,
      scope,
      value: parts.value,
      numerator: parts.numerator,
      denominator: parts.denominator,
      source: 'api',
      comment: item.comment?.trim() || null,
      late: isLate(p.end, kpi!.reportWithinDays, today),
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

function kpiProblem(kpi: KpiRecord | undefined, code: string, path: string): Issue | null {
  if (!kpi) return issue(path, 'not_found', `Không có KPI mã ${code}.`, `There is no KPI with code ${code}.`);
  if (kpi.source === 'formula') return issue(path, 'computed_kpi', `KPI ${code} được tính bằng công thức.`, `KPI ${code} is computed by a formula.`);
  if (kpi.status === 'archived') return issue(path, 'archived', `KPI ${code} đã lưu trữ.`, `KPI ${code} is archived.`);
  return null;
}

function scopeOf(input: ScopeInput | undefined, at: string, units: Set<number>, people: Set<number>, issues: Issue[]): TargetScope | null {
  if (!input || input.type === 'company') return { type: 'company', id: null };
  if (input.id == null) {
    issues.push(issue(`${at}scope.id`, 'required', 'Phạm vi phòng ban hoặc nhân sự cần có id.', 'A unit or person scope needs an id.'));
    return null;
  }
  const exists = input.type === 'unit' ? units.has(input.id) : people.has(input.id);
  if (!exists) {
    issues.push(issue(`${at}scope.id`, 'not_found', `Không có ${input.type === 'unit' ? 'phòng ban' : 'nhân sự'} #${input.id}.`, `There is no ${input.type} #${input.id}.`));
    return null;
  }
  return { type: input.type, id: input.id };
}
