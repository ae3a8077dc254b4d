import { DomainError, issue, type Issue } from '../../core/errors';
import type { ScoringConfig } from '../../core/evaluation';
import type { KpiDefinition, KpiTarget } from '../../core/kpi';
import { tryParsePeriod } from '../../core/period';
import { scoringProblems } from '../../core/kpi-as-code';
import { hasBlockingFindings, type Finding } from '../../core/smart';
import { auditActor, type Actor } from '../actor';
import { kpiEditTarget, policy, unitTarget } from '../policy';
import { findKpiByCode } from './find-kpi';
import type { KpiRecord, Store, TargetScope, TargetWrite } from '../ports';
import { checkKpiReferences, definitionOf, findingsFor } from './kpi-checks';
import { recomputeOnNewFrequency } from '../kpi-binding/frequency-change';


export interface KpiInput extends Omit<KpiDefinition, 'owner' | 'measurer' | 'targets'> {
  ownerId: number | null;
  measurerId: number | null;
  /** Company-wide targets; when given they replace the KPI's company targets. */
  targets?: KpiTarget[] | undefined;
  /** Scoring settings; left out = keep (defaults for a new KPI). */
  scoring?: ScoringConfig | undefined;
}

export interface SavedKpi {
  kpi: KpiRecord;
  findings: Finding[];
}

/** Editing a KPI is about its owner's unit (the company when it has no owner): `kpi.edit` in the permission table. */
async function requireEditKpi(store: Store, actor: Actor, ownerId: number | null): Promise<void> {
  policy.require(actor, 'kpi.edit', await kpiEditTarget(store, ownerId));
}

/** Period validity, duplicates and range bounds of a list of targets (for any scope). */
export function targetIssues(targets: KpiTarget[], direction: KpiDefinition['direction']): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const period = tryParsePeriod(t.period);
    if (!period) issues.push(issue(`targets.${i}.period`, 'invalid_period', `Kỳ "${t.period}" không hợp lệ.`, `Invalid period "${t.period}".`));
    else if (seen.has(period.key)) issues.push(issue(`targets.${i}.period`, 'duplicate', `Kỳ ${t.period} bị lặp.`, `Period ${t.period} is listed twice.`));
    else seen.add(period.key);
    if (direction === 'range' && (t.min === undefined || t.max === undefined || t.min > t.max)) {
      issues.push(issue(`targets.${i}`, 'range_bounds', 'KPI trong khoảng cần min ≤ max.', 'A range KPI needs min ≤ max.'));
    }
  });
  return issues;
}

/** Where the KPI file's scoring paths sit in the API's `scoring` object. */
const API_SCORING_PATH: Record<string, readonly string[]> = { bands: ['method', 'bands'], range: ['method'], status_rules: ['statusRules'] };

/** The same scoring rules as a KPI-as-code file (one rule, one place), with the API's field paths. */
function scoringIssues(scoring: ScoringConfig | undefined, direction: string): Issue[] {
  return scoringProblems(scoring ?? {}, direction, []).map((p) => {
    const [head, ...rest] = p.path;
    const path = ['scoring', ...(head === undefined ? [] : (API_SCORING_PATH[String(head)] ?? [head])), ...rest];
    return issue(path.join('.'), p.code, p.message.vi, p.message.en);
  });
}

async function checkPeople(store: Store, input: KpiInput): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const field of ['ownerId', 'measurerId'] as const) {
    const id = input[field];
    if (id !== null && !(await store.people.findById(id))) {
      issues.push(issue(field, 'not_found', `Nhân sự #${id} không tồn tại.`, `Person #${id} does not exist.`));
    }
  }
  return issues;
}

async function write(store: Store, actor: Actor, input: KpiInput, existing: KpiRecord | null): Promise<SavedKpi> {
  const { targets, ...fields } = input;
  const def = definitionOf({ ...fields, targets: targets ?? existing?.targets ?? [] });
  const issues = [...(await checkPeople(store, input)), ...targetIssues(targets ?? [], input.direction), ...scoringIssues(input.scoring, input.direction)];
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', { vi: 'KPI có dữ liệu không hợp lệ.', en: 'The KPI has invalid fields.' }, { issues });
  const idByCode = await checkKpiReferences(store, def);

  const findings = await findingsFor(store, def);
  if (def.status === 'active' && hasBlockingFindings(findings)) {
    throw new DomainError(
      'KPI_NOT_SMART',
      {
        vi: 'KPI chưa đạt SMART nên chưa thể kích hoạt. Hãy sửa các lỗi hoặc lưu dưới dạng nháp.',
        en: 'The KPI is not SMART yet, so it cannot be activated. Fix the errors or save it as a draft.',
      },
      {
        issues: findings
          .filter((f) => f.severity === 'error')
          .map((f) => ({ path: `smart.${f.letter}`, code: f.code, message: f.message })),
      },
    );
  }

  const id = existing ? existing.id : await store.kpis.create(fields);
  if (existing) await store.kpis.update(id, fields);
  await store.kpis.setParents(
    id,
    def.parents.map((p) => ({ parentId: idByCode.get(p.code)!, weight: p.weight })),
  );
  if (targets) await replaceCompanyTargets(store, id, targets);
  const saved = (await store.kpis.findById(id))!;
  await store.audit.record([
    { ...auditActor(actor), action: existing ? 'update' : 'create', entity: 'kpi', entityId: saved.code, before: existing, after: saved },
  ]);
  return { kpi: saved, findings };
}

/** Targets as stored rows of one KPI and scope; periods must already be valid (`targetIssues`). */
export function targetWrites(kpiId: number, scope: TargetScope, targets: KpiTarget[]): TargetWrite[] {
  return targets.map((t) => {
    const p = tryParsePeriod(t.period)!;
    return { kpiId, period: p.key, kind: p.kind, start: p.start, end: p.end, scope, value: t.value, min: t.min, max: t.max, stretch: t.stretch };
  });
}

export async function replaceCompanyTargets(store: Store, kpiId: number, targets: KpiTarget[]): Promise<void> {
  const scope = { type: 'company' as const, id: null };
  await store.targets.upsert(targetWrites(kpiId, scope, targets));
  await store.targets.removeOthers(kpiId, scope, targets.map((t) => tryParsePeriod(t.period)!.key));
}

export async function createKpi(store: Store, actor: Actor, input: KpiInput): Promise<SavedKpi> {
  return store.transaction(async (tx) => {
    await requireEditKpi(tx, actor, input.ownerId);
    const taken = (await tx.kpis.codes()).find((c) => c.code === input.code);
    if (taken) {
      throw new DomainError(
        'KPI_CODE_TAKEN',
        {
          vi: `Mã KPI "${input.code}" đã được dùng${taken.status === 'archived' ? ' (bởi một KPI đã lưu trữ; mã không được dùng lại)' : ''}.`,
          en: `KPI code "${input.code}" is already used${taken.status === 'archived' ? ' (by an archived KPI; codes are never reused)' : ''}.`,
        },
        { issues: [issue('code', 'taken', 'Mã đã được dùng.', 'Code already used.')] },
      );
    }
    return write(tx, actor, input, null);
  });
}

export async function updateKpi(store: Store, actor: Actor, code: string, input: KpiInput): Promise<SavedKpi> {
  return store.transaction(async (tx) => {
    const existing = await findKpiByCode(tx, code);
    policy.require(actor, 'kpi.edit', unitTarget(existing.ownerUnitId));
    if (input.ownerId !== existing.ownerId) await requireEditKpi(tx, actor, input.ownerId);
    if (input.code !== code) {
      throw new DomainError('KPI_CODE_IMMUTABLE', { vi: 'Không thể đổi mã KPI.', en: 'A KPI code cannot be changed.' }, {
        issues: [issue('code', 'immutable', 'Mã KPI cố định.', 'The KPI code is fixed.')],
      });
    }
    const saved = await write(tx, actor, input, existing);
    await recomputeOnNewFrequency(tx, actor, existing, saved.kpi);
    return saved;
  });
}

/** Archiving keeps the KPI, its targets and history; children must be re-linked first. */
export async function archiveKpi(store: Store, actor: Actor, code: string): Promise<KpiRecord> {
  return store.transaction(async (tx) => {
    const existing = await findKpiByCode(tx, code);
    policy.require(actor, 'kpi.edit', unitTarget(existing.ownerUnitId));
    const children = (await tx.kpis.list()).filter((k) => k.status !== 'archived' && k.parents.some((p) => p.code === code));
    if (children.length > 0) {
      const list = children.map((c) => c.code).join(', ');
      throw new DomainError('KPI_HAS_CHILDREN', {
        vi: `KPI ${code} còn KPI con đang dùng (${list}); hãy gỡ liên kết trước.`,
        en: `KPI ${code} still has active child KPIs (${list}); unlink them first.`,
      });
    }
    const { id, ownerName: _o, measurerName: _m, updatedAt: _u, targets: _t, owner: _ow, measurer: _me, parents: _p, ...fields } = existing;
    await tx.kpis.update(id, { ...fields, status: 'archived' });
    const after = (await tx.kpis.findById(id))!;
    await tx.audit.record([{ ...auditActor(actor), action: 'archive', entity: 'kpi', entityId: code, before: existing, after }]);
    return after;
  });
}
