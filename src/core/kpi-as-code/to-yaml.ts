import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { KpiTarget } from '../kpi';
import { comparePeriods } from './plan';
import { bindingToFile } from './binding-file';
import { scoringToFile } from './scoring-file';
import { normUnitCode, snakeCase, type KpiFile, type KpiFileKpi, type KpiFileUnit } from './types';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Parents before children, siblings by code; units whose parent is not in the list are roots. */
export function unitsInTreeOrder(units: readonly KpiFileUnit[]): KpiFileUnit[] {
  const codes = new Set(units.map((u) => normUnitCode(u.code)));
  const children = new Map<string | null, KpiFileUnit[]>();
  for (const u of units) {
    const parent = u.parent && codes.has(normUnitCode(u.parent)) ? normUnitCode(u.parent) : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: KpiFileUnit[] = [];
  const visit = (parent: string | null): void => {
    for (const u of [...(children.get(parent) ?? [])].sort((a, b) => byText(a.code, b.code))) {
      out.push(u);
      visit(normUnitCode(u.code));
    }
  };
  visit(null);
  return out;
}

/** A year period as a number (`period: 2026`) so it reads like the hand-written files. */
const periodValue = (p: string): string | number => (/^\d{4}$/.test(p) ? Number(p) : p);

function target(t: KpiTarget): Record<string, unknown> {
  const out: Record<string, unknown> = { period: periodValue(t.period), value: t.value };
  for (const k of ['min', 'max', 'stretch'] as const) if (t[k] !== undefined && t[k] !== null) out[k] = t[k];
  return out;
}

const KPI_ORDER = [
  'code', 'name', 'nameEn', 'description', 'descriptionEn', 'level', 'perspective', 'group', 'unit', 'direction', 'aggregation',
  'frequency', 'source', 'formula', 'owner', 'measurer', 'reportWithinDays',
] as const;

function kpi(def: KpiFileKpi): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KPI_ORDER) {
    const v = def[key];
    if (v !== undefined && v !== null && v !== '') out[snakeCase(key)] = v;
  }
  if (def.binding) out.binding = bindingToFile(def.binding);
  if (def.baseline) out.baseline = { period: periodValue(def.baseline.period), value: def.baseline.value };
  if (def.parents.length) out.parents = [...def.parents].sort((a, b) => byText(a.code, b.code)).map((p) => ({ code: p.code, weight: p.weight }));
  if (def.tags.length) out.tags = [...def.tags];
  out.status = def.status;
  if (def.targets.length) out.targets = [...def.targets].sort((a, b) => comparePeriods(a.period, b.period)).map(target);
  const scoring = scoringToFile(def.scoring);
  if (scoring) out.scoring = scoring;
  return out;
}

function plain(file: KpiFile): Record<string, unknown> {
  const out: Record<string, unknown> = { version: file.version };
  if (file.company) {
    const c = file.company;
    out.company = { name: c.name, timezone: c.timezone, currency: c.currency, locale: c.locale, fiscal_year_start_month: c.fiscalYearStartMonth };
  }
  if (file.units) out.units = unitsInTreeOrder(file.units).map((u) => (u.parent ? { code: u.code, name: u.name, parent: u.parent } : { code: u.code, name: u.name }));
  if (file.positions) out.positions = [...file.positions].sort((a, b) => byText(a.code, b.code)).map((p) => ({ code: p.code, name: p.name }));
  if (file.people) {
    out.people = [...file.people]
      .sort((a, b) => byText(a.email.toLowerCase(), b.email.toLowerCase()))
      .map((p) => ({ email: p.email, name: p.name, unit: p.unit, ...(p.position && { position: p.position }), ...(p.manager && { manager: p.manager }) }));
  }
  if (file.kpis) out.kpis = [...file.kpis].sort((a, b) => byText(a.code, b.code)).map(kpi);
  return out;
}

/** Short maps (units, positions, people, baselines, parents, targets) on one line each. */
function flowShortMaps(node: Node | null | undefined, depth: number): void {
  if (isSeq(node)) for (const item of node.items) flowShortMaps(item as Node, depth + 1);
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = String((pair.key as { value?: unknown }).value);
    const value = pair.value as Node | null;
    if (['units', 'positions', 'people', 'parents', 'targets', 'bands', 'status_rules', 'scopes'].includes(key) && isSeq(value)) {
      for (const item of value.items) if (isMap(item)) item.flow = true;
    } else if ((['baseline', 'range'].includes(key) && isMap(value)) || (key === 'tags' && isSeq(value))) {
      value.flow = true;
    } else {
      flowShortMaps(value, depth + 1);
    }
  }
}

/** A blank line before each section and between KPIs, for reading and for clean diffs. */
function spaceOut(root: Node): void {
  if (!isMap(root)) return;
  root.items.forEach((pair, i) => {
    if (i > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
    const key = isScalar(pair.key) ? pair.key.value : null;
    if (key === 'kpis' && isSeq(pair.value)) pair.value.items.forEach((item, j) => j > 0 && isMap(item) && (item.spaceBefore = true));
  });
}

/** The export text: stable order (units as a tree, positions by code, people by e-mail, KPIs by code, targets by period). */
export function toYaml(file: KpiFile): string {
  const doc = new Document(plain(file));
  flowShortMaps(doc.contents as Node, 0);
  spaceOut(doc.contents as Node);
  const header = '# OpenKPI scorecard (KPI-as-code). Check: openkpi lint <file> · Apply: openkpi apply <file>\n';
  return header + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
