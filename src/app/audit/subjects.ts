import type { AuditEntry } from '../ports';

/** What an audit entry is about, readable: the KPI, the scope (unit or person), the period, a name, a file. */
export interface AuditSubject {
  kpi: { code: string; name: string; nameEn: string | null } | null;
  scope: { type: 'company' | 'unit' | 'person'; id: number | null; name: string | null } | null;
  period: string | null;
  /** The thing's own name: unit, person, position, user, API token, company, or an evidence file. */
  name: string | null;
  /** An imported file: actuals (`file:…`) or the KPI-as-code file. */
  file: string | null;
}

/** The ids audit entries refer to, by kind, so each kind is looked up with one query. */
export interface AuditRefs {
  kpiCodes: string[];
  unitIds: number[];
  personIds: number[];
  userIds: number[];
  positionIds: number[];
  tokenIds: number[];
  actualIds: number[];
  evidenceIds: number[];
}

export interface AuditActualRef {
  kpiCode: string;
  period: string;
  scopeType: 'company' | 'unit' | 'person';
  scopeId: number | null;
}

/** Names the store found (a missing key: the thing is gone; the snapshot's own name is used then). */
export interface AuditNames {
  kpis: Map<string, { code: string; name: string; nameEn: string | null }>;
  units: Map<number, string>;
  people: Map<number, string>;
  users: Map<number, string>;
  positions: Map<number, string>;
  tokens: Map<number, string>;
  actuals: Map<number, AuditActualRef>;
  evidence: Map<number, { fileName: string; actualId: number }>;
  company: string | null;
}

const SCOPE = /^(unit|person):(\d+)$/;
const int = (s: string): number | null => (/^\d{1,10}$/.test(s) ? Number(s) : null);

type Parsed =
  | { kind: 'kpi'; code: string }
  | { kind: 'targets'; code: string; scope: { type: 'company' | 'unit' | 'person'; id: number | null } | null; period: string | null }
  | { kind: 'actual'; id: number }
  | { kind: 'actualFile'; file: string }
  | { kind: 'token'; id: number }
  | { kind: 'evidence'; id: number }
  | { kind: 'unit' | 'person' | 'user' | 'position'; id: number }
  | { kind: 'company' }
  | { kind: 'kpiFile' }
  | { kind: 'other' };

/** Reads an entry's entity id (`ONLINE_REV|unit:3`, `file:actuals.csv`, `api-token:4`, `12`…). */
export function parseEntityId(entity: string, entityId: string): Parsed {
  const id = int(entityId);
  switch (entity) {
    case 'kpi':
      return { kind: 'kpi', code: entityId };
    case 'kpi_targets': {
      const [code = '', second = '', third] = entityId.split('|');
      if (third === 'cascade') return { kind: 'targets', code, scope: null, period: second };
      const m = SCOPE.exec(second);
      const scope = second === 'company' ? { type: 'company' as const, id: null } : m ? { type: m[1] as 'unit' | 'person', id: Number(m[2]) } : null;
      return { kind: 'targets', code, scope, period: null };
    }
    case 'actual':
      if (entityId.startsWith('file:')) return { kind: 'actualFile', file: entityId.slice(5) };
      if (entityId.startsWith('api-token:') && int(entityId.slice(10)) !== null) return { kind: 'token', id: Number(entityId.slice(10)) };
      return id === null ? { kind: 'other' } : { kind: 'actual', id };
    case 'api_token':
      return id === null ? { kind: 'other' } : { kind: 'token', id };
    case 'evidence':
      return id === null ? { kind: 'other' } : { kind: 'evidence', id };
    case 'org_unit':
      return id === null ? { kind: 'other' } : { kind: 'unit', id };
    case 'person':
    case 'user':
    case 'position':
      return id === null ? { kind: 'other' } : { kind: entity, id };
    case 'company':
      return { kind: 'company' };
    case 'kpi_file':
      return { kind: 'kpiFile' };
    default:
      return { kind: 'other' };
  }
}

function scopeRef(refs: AuditRefs, scope: { type: string; id: number | null } | null): void {
  if (scope?.type === 'unit' && scope.id !== null) refs.unitIds.push(scope.id);
  if (scope?.type === 'person' && scope.id !== null) refs.personIds.push(scope.id);
}

/** Everything a page of entries refers to, deduplicated. Actuals and evidence lead to more (their KPI and scope): see `refsOfActuals`. */
export function refsOf(entries: readonly Pick<AuditEntry, 'entity' | 'entityId'>[]): AuditRefs {
  const refs: AuditRefs = { kpiCodes: [], unitIds: [], personIds: [], userIds: [], positionIds: [], tokenIds: [], actualIds: [], evidenceIds: [] };
  for (const e of entries) {
    const p = parseEntityId(e.entity, e.entityId);
    if (p.kind === 'kpi') refs.kpiCodes.push(p.code);
    else if (p.kind === 'targets') {
      refs.kpiCodes.push(p.code);
      scopeRef(refs, p.scope);
    } else if (p.kind === 'actual') refs.actualIds.push(p.id);
    else if (p.kind === 'token') refs.tokenIds.push(p.id);
    else if (p.kind === 'evidence') refs.evidenceIds.push(p.id);
    else if (p.kind === 'unit') refs.unitIds.push(p.id);
    else if (p.kind === 'person') refs.personIds.push(p.id);
    else if (p.kind === 'user') refs.userIds.push(p.id);
    else if (p.kind === 'position') refs.positionIds.push(p.id);
  }
  return dedupe(refs);
}

/** The KPIs and scopes of the actuals found (second round of look-ups). */
export function refsOfActuals(actuals: Iterable<AuditActualRef>): AuditRefs {
  const refs: AuditRefs = { kpiCodes: [], unitIds: [], personIds: [], userIds: [], positionIds: [], tokenIds: [], actualIds: [], evidenceIds: [] };
  for (const a of actuals) {
    refs.kpiCodes.push(a.kpiCode);
    scopeRef(refs, { type: a.scopeType, id: a.scopeId });
  }
  return dedupe(refs);
}

function dedupe(refs: AuditRefs): AuditRefs {
  const out = { ...refs };
  for (const k of Object.keys(out) as (keyof AuditRefs)[]) (out as Record<string, unknown>)[k] = [...new Set(refs[k] as unknown[])];
  return out;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const EMPTY: AuditSubject = { kpi: null, scope: null, period: null, name: null, file: null };

/** One entry's subject from the names found; a thing no longer stored keeps the name its snapshot has. */
export function subjectOf(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'before' | 'after'>, names: AuditNames): AuditSubject {
  const snap = { ...record(entry.before), ...record(entry.after) };
  const kpiOf = (code: string) => names.kpis.get(code) ?? { code, name: text(snap.name) ?? code, nameEn: null };
  const scopeOf = (s: { type: 'company' | 'unit' | 'person'; id: number | null } | null): AuditSubject['scope'] => {
    if (!s) return null;
    const name = s.id === null ? null : ((s.type === 'unit' ? names.units : names.people).get(s.id) ?? null);
    return { ...s, name: s.type === 'company' ? names.company : name };
  };
  const p = parseEntityId(entry.entity, entry.entityId);
  switch (p.kind) {
    case 'kpi':
      return { ...EMPTY, kpi: kpiOf(p.code) };
    case 'targets':
      return { ...EMPTY, kpi: kpiOf(p.code), scope: scopeOf(p.scope), period: p.period };
    case 'actual': {
      const a = names.actuals.get(p.id);
      if (a) return { ...EMPTY, kpi: kpiOf(a.kpiCode), scope: scopeOf({ type: a.scopeType, id: a.scopeId }), period: a.period };
      const code = text(snap.kpi);
      return { ...EMPTY, kpi: code ? kpiOf(code) : null, period: text(snap.period) };
    }
    case 'actualFile':
      return { ...EMPTY, file: p.file };
    case 'token':
      return { ...EMPTY, name: names.tokens.get(p.id) ?? text(snap.name) };
    case 'evidence': {
      const ev = names.evidence.get(p.id);
      const a = ev ? names.actuals.get(ev.actualId) : undefined;
      return {
        ...EMPTY,
        name: ev?.fileName ?? text(snap.fileName),
        ...(a ? { kpi: kpiOf(a.kpiCode), scope: scopeOf({ type: a.scopeType, id: a.scopeId }), period: a.period } : {}),
      };
    }
    case 'unit':
      return { ...EMPTY, name: names.units.get(p.id) ?? text(snap.name) };
    case 'person':
      return { ...EMPTY, name: names.people.get(p.id) ?? text(snap.fullName) };
    case 'user':
      return { ...EMPTY, name: names.users.get(p.id) ?? text(snap.name) };
    case 'position':
      return { ...EMPTY, name: names.positions.get(p.id) ?? text(snap.name) };
    case 'company':
      return { ...EMPTY, name: names.company ?? text(snap.name) };
    case 'kpiFile':
      return { ...EMPTY, file: 'KPI-as-code (YAML)' };
    default:
      return { ...EMPTY, name: text(snap.name) ?? text(snap.fullName) };
  }
}
