import { LineCounter, parseDocument } from 'yaml';
import type { Issue, Localized } from '../errors';
import type { ScoringConfig } from '../evaluation';
import { validateKpi, validateKpiSet, type KpiDefinition } from '../kpi';
import { readBinding } from './binding-file';
import { checkKpiBindings, checkKpiFormulas, checkKpiPeople, checkOrg, type IndexedKpi, type Problem } from './cross-check';
import { closestKey, unknownKeys } from './keys';
import { locate, type FilePosition } from './locate';
import { kpiFromFile, toDefinition } from './normalize';
import { normalizeScoring, readScoring } from './scoring-file';
import { scoringProblems } from './scoring-rules';
import { describeZodIssue, fileSchema, type RawFile } from './schema';
import { formatPath, KPI_FILE_VERSION, normEmail, snakeCase, type FilePath, type KnownRefs, type KpiFile } from './types';

export interface ParsedKpiFile {
  /** The document model; null when the file cannot be read as a whole (syntax or shape errors). */
  doc: KpiFile | null;
  /** Every problem, each with its path (`kpis[3].parents[0].weight`), line (`row`) and column. */
  issues: Issue[];
}

export interface KpiFileAnalysis extends ParsedKpiFile {
  /** KPIs whose fields are valid (even when other parts of the file are not), with their place in the file. */
  kpis: IndexedKpi[];
  /** The sections that could be read (company, units, positions, people), even when some KPIs could not. */
  partial: KpiFile | null;
}

/** `kpis.3.reportWithinDays` (from validateKpiSet) → `['kpis', 3, 'report_within_days']`. */
function fromDotted(path: string): FilePath {
  return path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : snakeCase(seg)));
}

function withPosition(path: FilePath, code: string, message: Localized, pos: FilePosition | null): Issue {
  const out: Issue = { path: formatPath(path), code, message };
  if (!pos) return out;
  const where = `${pos.line}:${pos.col}`;
  return { ...out, row: pos.line, column: String(pos.col), message: { vi: `Dòng ${where}: ${message.vi}`, en: `Line ${where}: ${message.en}` } };
}

const toIndexed = (defs: readonly KpiDefinition[]): IndexedKpi[] => defs.map((def, index) => ({ index, def }));

function knownEmails(file: Pick<KpiFile, 'people'>, known: KnownRefs, extra: Iterable<string> = []): Set<string> {
  return new Set([...(known.people ?? []).map((p) => p.email), ...(file.people ?? []).map((p) => p.email), ...extra].map(normEmail));
}

/**
 * Every problem of a document model that cross-references things: duplicates, references to units,
 * positions, people and parent KPIs that exist neither in the file nor in `known`, cycles, formulas.
 * Paths are file paths (`kpis[3].owner`) without line numbers. Used again before applying.
 */
export function checkKpiFile(file: KpiFile, known: KnownRefs = {}): Issue[] {
  const kpis = file.kpis ?? [];
  const problems: Problem[] = [
    ...checkOrg(file, known),
    ...validateKpiSet(kpis).map((i) => ({ path: fromDotted(i.path), code: i.code, message: i.message })),
    ...checkKpiPeople(toIndexed(kpis), knownEmails(file, known)),
    ...checkKpiFormulas(toIndexed(kpis), kpis.map((k) => k.code)),
    ...checkKpiBindings(toIndexed(kpis), file, known, knownEmails(file, known)),
  ];
  problems.push(...kpis.flatMap((k, i) => (k.scoring ? scoringProblems(k.scoring, k.direction, ['kpis', i, 'scoring']) : [])));
  return problems.map((p) => ({ path: formatPath(p.path), code: p.code, message: p.message }));
}

/** Scoring keys whose rules are checked together: a rule is skipped when a key of its group could not be read. */
const SCORING_GROUPS = [['floor', 'cap'], ['method', 'bands', 'below', 'range', 'tolerance'], ['status_rules']];

/** A KPI's `scoring` section: its settings (null when absent) and every problem of its shape and values. */
function kpiScoring(kpi: unknown, index: number): { config: ScoringConfig | null | undefined; problems: Problem[] } {
  const raw = typeof kpi === 'object' && kpi !== null ? (kpi as { scoring?: unknown; direction?: unknown }) : {};
  const base = ['kpis', index, 'scoring'];
  const { config, partial, problems } = readScoring(raw.scoring, base);
  if (!partial || typeof raw.direction !== 'string') return { config, problems };
  const unread = new Set(problems.map((p) => String(p.path[base.length])));
  const readable = (p: Problem) => {
    const key = String(p.path[base.length]);
    return !SCORING_GROUPS.some((group) => group.includes(key) && group.some((k) => unread.has(k)));
  };
  const rules = scoringProblems(partial, raw.direction, base).filter(readable);
  if (problems.length > 0 || rules.length > 0) return { config: undefined, problems: [...problems, ...rules] };
  return { config: normalizeScoring(config), problems };
}

function docFrom(raw: NonNullable<RawFile>, kpis: KpiFile['kpis']): KpiFile {
  const doc: KpiFile = { version: KPI_FILE_VERSION };
  if (raw.company) {
    const c = raw.company;
    doc.company = {
      name: c.name,
      timezone: c.timezone ?? 'Asia/Ho_Chi_Minh',
      currency: c.currency ?? 'VND',
      locale: c.locale ?? 'vi-VN',
      fiscalYearStartMonth: c.fiscal_year_start_month ?? 1,
    };
  }
  if (raw.units) doc.units = raw.units.map((u) => ({ code: u.code, name: u.name, parent: u.parent ?? null }));
  if (raw.positions) doc.positions = raw.positions.map((p) => ({ code: p.code, name: p.name }));
  if (raw.people) {
    doc.people = raw.people.map((p) => ({ email: p.email, name: p.name, unit: p.unit, position: p.position ?? null, manager: p.manager ?? null }));
  }
  if (kpis) doc.kpis = kpis;
  return doc;
}

/** E-mails of the file's people as written, even when other fields of a person are wrong. */
function rawEmails(raw: unknown): string[] {
  const people = typeof raw === 'object' && raw !== null ? (raw as { people?: unknown }).people : undefined;
  if (!Array.isArray(people)) return [];
  return people.flatMap((p: unknown) => {
    const email = typeof p === 'object' && p !== null ? (p as { email?: unknown }).email : undefined;
    return typeof email === 'string' ? [email] : [];
  });
}

/** Parse and check a KPI-as-code file, keeping the KPIs that are valid on their own (for the SMART check). */
export function analyseKpiFile(text: string, known: KnownRefs = {}): KpiFileAnalysis {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, prettyErrors: true });
  if (yaml.errors.length > 0) {
    const issues = yaml.errors.map((e) => {
      const first = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
      const pos = e.linePos?.[0] ?? null;
      return withPosition([], 'KPI_FILE_SYNTAX', { vi: `Lỗi cú pháp YAML: ${first}`, en: `YAML syntax error: ${first}` }, pos);
    });
    return { doc: null, issues, kpis: [], partial: null };
  }
  const raw: unknown = yaml.toJS();
  const at = (p: Problem, preferKey = false): Issue => withPosition(p.path, p.code, p.message, locate(yaml, lineCounter, p.path, preferKey));
  const issues: Issue[] = [];

  for (const u of unknownKeys(raw)) {
    const near = closestKey(u.key, u.allowed);
    const hint: Localized = near
      ? { vi: `; có phải ý bạn là "${near}"?`, en: `; did you mean "${near}"?` }
      : { vi: `; các khóa hợp lệ: ${u.allowed.join(', ')}`, en: `; valid keys: ${u.allowed.join(', ')}` };
    issues.push(at({ path: u.path, code: 'KPI_FILE_UNKNOWN_KEY', message: { vi: `Khóa "${u.key}" không có trong định dạng${hint.vi}`, en: `Unknown key "${u.key}"${hint.en}` } }, true));
  }
  const shape = fileSchema.safeParse(raw ?? {});
  if (!shape.success) for (const zi of shape.error.issues) issues.push(at(describeZodIssue(zi, raw)));

  const rawKpis = typeof raw === 'object' && raw !== null && Array.isArray((raw as { kpis?: unknown }).kpis) ? ((raw as { kpis: unknown[] }).kpis) : null;
  const camel = (rawKpis ?? []).map(kpiFromFile);
  for (const i of validateKpiSet(camel)) issues.push(at({ path: fromDotted(i.path), code: i.code, message: i.message }));
  const scorings = camel.map(kpiScoring);
  for (const s of scorings) issues.push(...s.problems.map((p) => at(p)));
  const bindings = camel.map((d, index) => {
    const k = typeof d === 'object' && d !== null ? (d as { binding?: unknown; source?: unknown }) : {};
    return readBinding(k.binding, k.source, ['kpis', index, 'binding']);
  });
  for (const b of bindings) issues.push(...b.problems.map((p) => at(p)));
  const valid: IndexedKpi[] = camel.flatMap((d, index) => {
    const { config } = scorings[index]!;
    const { binding, problems } = bindings[index]!;
    if (validateKpi(d).length > 0 || config === undefined || problems.length > 0) return [];
    const def = toDefinition(d as Record<string, unknown>);
    return [{ index, def: { ...def, ...(config && { scoring: config }), ...(binding && { binding }) } }];
  });
  const allKpisValid = valid.length === camel.length;

  const emails = knownEmails({}, known, rawEmails(raw));
  const codes = camel.flatMap((d) => (typeof (d as { code?: unknown })?.code === 'string' ? [(d as { code: string }).code] : []));
  const problems: Problem[] = [...checkKpiPeople(valid, emails), ...checkKpiFormulas(valid, codes)];
  const fileUnits = { units: shape.success ? (shape.data.units ?? []).map((u) => ({ code: u.code, name: u.name, parent: u.parent ?? null })) : [] };
  problems.push(...checkKpiBindings(valid, fileUnits, known, emails));

  let doc: KpiFile | null = null;
  let partial: KpiFile | null = null;
  if (shape.success) {
    const candidate = docFrom(shape.data, rawKpis && allKpisValid ? valid.map((k) => k.def) : undefined);
    problems.unshift(...checkOrg(candidate, known));
    partial = candidate;
    if (allKpisValid) doc = candidate;
  }
  issues.push(...problems.map((p) => at(p)));
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || Number(a.column ?? 0) - Number(b.column ?? 0));
  return { doc, issues, kpis: valid, partial };
}

/** Parse and check a KPI-as-code file. `known` lists what exists outside the file (the database) for reference checks. */
export function parseKpiFile(text: string, known: KnownRefs = {}): ParsedKpiFile {
  const { doc, issues } = analyseKpiFile(text, known);
  return { doc, issues };
}
