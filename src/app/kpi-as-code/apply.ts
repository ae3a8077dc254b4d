import { DomainError, type Issue } from '../../core/errors';
import { snakeCase } from '../../core/kpi-as-code/types';
import type { KpiBinding } from '../../core/kpi-binding';
import { saveBinding } from '../kpi-binding/save-binding';
import { checkKpiFile, normalizeScoring, type KpiFileBinding, planChanges, planSummary, smartErrorsOf, type Change, type KpiFile, type KpiFileKpi } from '../../core/kpi-as-code';
import { parsePeriod } from '../../core/period';
import { auditActor, type Actor } from '../actor';
import { injectionPoint } from '../faults/injection-point';
import { COMPANY, policy } from '../policy';
import type { KpiWrite, NewAuditEntry, Store } from '../ports';
import { definitionOf, knownRefs, loadState, type StoreState } from './snapshot';

const COMPANY_SCOPE = { type: 'company' as const, id: null };

export function invalidFile(issues: Issue[]): DomainError {
  return new DomainError(
    'KPI_FILE_INVALID',
    {
      vi: `Tệp KPI có ${issues.length} lỗi; chưa có thay đổi nào được ghi.`,
      en: `The KPI file has ${issues.length} error(s); nothing was written.`,
    },
    { issues },
  );
}

type Audit = Omit<NewAuditEntry, 'actorUserId' | 'actorName'>;

/** Before/after of only the fields that change. */
function fieldsAudit(c: Change): Pick<Audit, 'before' | 'after'> {
  return {
    before: Object.fromEntries(c.fields.map((f) => [f.field, f.before])),
    after: Object.fromEntries(c.fields.map((f) => [f.field, f.after])),
  };
}

async function writeUnits(tx: Store, doc: KpiFile, state: StoreState, changes: Map<string, Change>, audit: Audit[]): Promise<void> {
  const pending = [...(doc.units ?? [])];
  const inFile = new Set(pending.map((u) => u.code.toUpperCase()));
  const done = new Set<string>();
  // Parents first: a unit waits while its parent is a unit of the file that is not written yet.
  while (pending.length > 0) {
    const i = pending.findIndex((u) => !u.parent || !inFile.has(u.parent.toUpperCase()) || done.has(u.parent.toUpperCase()));
    const [u] = pending.splice(i === -1 ? 0 : i, 1);
    if (!u) break;
    done.add(u.code.toUpperCase());
    const change = changes.get(`unit:${u.code.toUpperCase()}`);
    if (!change) continue;
    const parentId = u.parent ? state.units.get(u.parent.toUpperCase())!.id : null;
    const existing = state.units.get(u.code.toUpperCase());
    const unit = existing
      ? await tx.units.update(existing.id, { name: u.name, parentId, archived: false })
      : await tx.units.create({ code: u.code, name: u.name, parentId });
    state.units.set(u.code.toUpperCase(), unit);
    audit.push({ action: existing && !existing.archived ? 'update' : 'create', entity: 'org_unit', entityId: String(unit.id), ...(existing && !existing.archived ? fieldsAudit(change) : { before: null, after: unit }) });
  }
}

async function writePeople(tx: Store, doc: KpiFile, state: StoreState, changes: Map<string, Change>, audit: Audit[]): Promise<void> {
  for (const p of doc.positions ?? []) {
    const change = changes.get(`position:${p.code.toLowerCase()}`);
    if (!change) continue;
    const existing = state.positions.get(p.code.toLowerCase());
    const position = existing ? await tx.positions.update(existing.id, { name: p.name }) : await tx.positions.create({ code: p.code, name: p.name });
    state.positions.set(p.code.toLowerCase(), position);
    audit.push({ action: existing ? 'update' : 'create', entity: 'position', entityId: String(position.id), before: existing ?? null, after: position });
  }
  const people = (doc.people ?? []).filter((p) => changes.has(`person:${p.email.toLowerCase()}`));
  const fields = (p: (typeof people)[number]) => ({
    fullName: p.name,
    unitId: state.units.get(p.unit.toUpperCase())!.id,
    positionId: p.position ? state.positions.get(p.position.toLowerCase())!.id : null,
  });
  // Everyone first, managers second: a manager may come later in the file.
  for (const p of people) {
    const existing = state.people.get(p.email.toLowerCase());
    const person = existing
      ? await tx.people.update(existing.id, fields(p))
      : await tx.people.create({ ...fields(p), email: p.email, managerId: null, userId: null });
    state.people.set(p.email.toLowerCase(), person);
  }
  for (const p of people) {
    const person = state.people.get(p.email.toLowerCase())!;
    const managerId = p.manager ? state.people.get(p.manager.toLowerCase())!.id : null;
    if (person.managerId !== managerId) state.people.set(p.email.toLowerCase(), await tx.people.update(person.id, { managerId }));
    const change = changes.get(`person:${p.email.toLowerCase()}`)!;
    const after = state.people.get(p.email.toLowerCase())!;
    audit.push({ action: change.action === 'create' ? 'create' : 'update', entity: 'person', entityId: String(after.id), ...(change.action === 'create' ? { before: null, after } : fieldsAudit(change)) });
  }
}

/** A KPI of the file as written to the store; no `scoring` in the file means the defaults (`{}`). */
function kpiWrite(def: KpiFileKpi, state: StoreState): KpiWrite {
  const { targets: _t, parents: _p, owner, measurer, scoring, binding: _b, ...fields } = def;
  const id = (email: string | null) => (email ? state.people.get(email.toLowerCase())!.id : null);
  return { ...fields, ownerId: id(owner), measurerId: id(measurer), scoring: normalizeScoring(scoring) };
}

async function writeTargets(tx: Store, kpiId: number, def: KpiFileKpi): Promise<void> {
  const targets = def.targets.map((t) => {
    const p = parsePeriod(t.period);
    return { kpiId, period: p.key, kind: p.kind, start: p.start, end: p.end, scope: COMPANY_SCOPE, value: t.value, min: t.min, max: t.max, stretch: t.stretch };
  });
  if (targets.length > 0) await tx.targets.upsert(targets);
  await tx.targets.removeOthers(kpiId, COMPANY_SCOPE, targets.map((t) => t.period));
}

/**
 * The file's binding of a dataset KPI, saved through the same use-case as the KPI page (checked against the dataset,
 * every period recomputed) when it is new or changed, or when the KPI's frequency changed (its periods are others).
 * A binding that does not fit the dataset is the file's error, at the file's path.
 */
async function writeBinding(tx: Store, actor: Actor, def: KpiFileKpi, c: Change, state: StoreState, index: number): Promise<void> {
  const changed = c.action === 'create' || c.fields.some((f) => f.field.startsWith('binding.') || f.field === 'frequency' || f.field === 'source');
  if (!changed || def.source !== 'dataset') return;
  const stored = def.binding ? null : await tx.kpiBindings.get(state.kpis.get(def.code)?.id ?? 0);
  const binding = def.binding ? bindingWithIds(def.binding, state) : stored;
  if (!binding) return;
  try {
    await saveBinding(tx, actor, def.code, binding);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'KPI_BINDING_INVALID') throw error;
    throw invalidFile(error.issues.map((i) => ({ ...i, path: `kpis[${index}].${snakePath(i.path)}` })));
  }
}

/** `binding.dateColumn` → `binding.date_column`, `binding.scopes.0.value` → `binding.scopes[0].value`. */
const snakePath = (path: string): string => path.split('.').map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : snakeCase(seg))).join('.').replace(/\.\[/g, '[');

function bindingWithIds(b: KpiFileBinding, state: StoreState): KpiBinding {
  return {
    dataset: b.dataset,
    measure: b.measure,
    dateColumn: b.dateColumn,
    scopeColumn: b.scopeColumn,
    scopes: b.scopes.map((s) => ({
      value: s.value,
      scope: s.unit ? { type: 'unit', id: state.units.get(s.unit.toUpperCase())!.id } : { type: 'person', id: state.people.get(s.person!.toLowerCase())!.id },
    })),
  };
}

async function writeKpis(tx: Store, actor: Actor, doc: KpiFile, state: StoreState, changes: Change[], audit: Audit[]): Promise<void> {
  const byCode = new Map((doc.kpis ?? []).map((k) => [k.code, k]));
  const indexOf = new Map((doc.kpis ?? []).map((k, i) => [k.code, i]));
  const kpiChanges = changes.filter((c) => c.entity === 'kpi');
  const ids = new Map([...state.kpis.values()].map((k) => [k.code, k.id]));
  for (const c of kpiChanges) {
    if (c.action === 'create') {
      ids.set(c.key, await tx.kpis.create(kpiWrite(byCode.get(c.key)!, state)));
    } else if (c.action === 'archive') {
      await tx.kpis.update(ids.get(c.key)!, { ...kpiWrite(definitionOf(state.kpis.get(c.key)!), state), status: 'archived' });
    } else if (c.fields.some((f) => f.field !== 'parents' && !f.field.startsWith('targets[') && !f.field.startsWith('binding.'))) {
      await tx.kpis.update(ids.get(c.key)!, kpiWrite(byCode.get(c.key)!, state));
    }
  }
  // Links and targets once every KPI of the file has an id.
  for (const c of kpiChanges) {
    if (c.action === 'archive') {
      audit.push({ action: 'archive', entity: 'kpi', entityId: c.key, ...fieldsAudit(c) });
      continue;
    }
    const def = byCode.get(c.key)!;
    const id = ids.get(c.key)!;
    const created = c.action === 'create';
    if (created ? def.parents.length > 0 : c.fields.some((f) => f.field === 'parents')) {
      await tx.kpis.setParents(id, def.parents.map((p) => ({ parentId: ids.get(p.code)!, weight: p.weight })));
    }
    if (created ? def.targets.length > 0 : c.fields.some((f) => f.field.startsWith('targets['))) await writeTargets(tx, id, def);
    await writeBinding(tx, actor, def, c, state, indexOf.get(c.key)!);
    audit.push({ action: c.action, entity: 'kpi', entityId: c.key, ...(created ? { before: null, after: def } : fieldsAudit(c)) });
  }
}

/**
 * Applies a KPI-as-code document in one transaction: company, units, positions, people, KPIs
 * (with parents and company targets), and archives the KPIs the file no longer lists.
 * Checks everything against the database first and writes nothing when anything is wrong.
 * Returns the changes that were applied.
 */
export async function applyKpiFile(store: Store, actor: Actor, doc: KpiFile): Promise<Change[]> {
  policy.require(actor, 'kpi-as-code.apply', COMPANY);
  return store.transaction(async (tx) => {
    const state = await loadState(tx);
    const known = knownRefs(state);
    const issues = [...checkKpiFile(doc, known), ...smartErrorsOf(doc, known)];
    if (issues.length > 0) throw invalidFile(issues);

    const changes = planChanges(doc, state.snapshot);
    if (changes.length === 0) return changes;
    const byKey = new Map(changes.map((c) => [`${c.entity}:${c.entity === 'unit' ? c.key.toUpperCase() : c.key.toLowerCase()}`, c]));
    const audit: Audit[] = [];

    const company = changes.find((c) => c.entity === 'company');
    if (company && doc.company) {
      await tx.company.save(doc.company);
      audit.push({ action: company.action === 'create' ? 'create' : 'update', entity: 'company', entityId: '1', ...(company.action === 'create' ? { before: null, after: doc.company } : fieldsAudit(company)) });
    }
    await writeUnits(tx, doc, state, byKey, audit);
    await writePeople(tx, doc, state, byKey, audit);
    await writeKpis(tx, actor, doc, state, changes, audit);
    audit.push({ action: 'import', entity: 'kpi_file', entityId: 'kpi-as-code', before: null, after: planSummary(changes) });
    const who = auditActor(actor);
    await tx.audit.record(audit.map((a) => ({ ...who, ...a })));
    await injectionPoint('apply');
    return changes;
  });
}
