import type { Localized } from '../errors';
import { validateFormulaSet } from '../formula';
import { bindingRefProblems } from './binding-file';
import { normEmail, normUnitCode, type FilePath, type KnownRefs, type KpiFile, type KpiFileKpi } from './types';

export interface Problem {
  path: FilePath;
  code: string;
  message: Localized;
}

const problem = (path: FilePath, code: string, vi: string, en: string): Problem => ({ path, code, message: { vi, en } });

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Items whose key was already used earlier in the list. */
function duplicates<T>(items: readonly T[], key: (t: T) => string): { index: number; first: number }[] {
  const seen = new Map<string, number>();
  const out: { index: number; first: number }[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else out.push({ index, first });
  });
  return out;
}

/** Cycles in a "points to" graph, each once, as the list of keys (A → B → A), starting from `starts` in order. */
function cycles(next: Map<string, string | null>, starts: readonly string[]): string[][] {
  const reported = new Set<string>();
  const out: string[][] = [];
  for (const start of starts) {
    if (reported.has(start)) continue;
    const path = [start];
    let cur = next.get(start) ?? null;
    while (cur !== null && cur !== start && !path.includes(cur) && path.length <= next.size) {
      path.push(cur);
      cur = next.get(cur) ?? null;
    }
    if (cur === start) {
      path.forEach((k) => reported.add(k));
      out.push([...path, start]);
    }
  }
  return out;
}

function checkCompany(file: KpiFile): Problem[] {
  const tz = file.company?.timezone;
  if (tz === undefined || isValidTimeZone(tz)) return [];
  return [problem(['company', 'timezone'], 'KPI_FILE_TIMEZONE', `Múi giờ "${tz}" không tồn tại (ví dụ Asia/Ho_Chi_Minh)`, `Unknown time zone "${tz}" (e.g. Asia/Ho_Chi_Minh)`)];
}

function checkUnits(units: NonNullable<KpiFile['units']>, known: KnownRefs): Problem[] {
  const out: Problem[] = [];
  for (const d of duplicates(units, (u) => normUnitCode(u.code))) {
    const code = units[d.index]!.code;
    out.push(problem(['units', d.index, 'code'], 'UNIT_CODE_DUPLICATE', `Mã phòng ban ${code} bị trùng (đã dùng ở phòng ban thứ ${d.first + 1})`, `Unit code ${code} is duplicated (already used by unit #${d.first + 1})`));
  }
  const parentOf = new Map<string, string | null>();
  for (const u of known.units ?? []) parentOf.set(normUnitCode(u.code), u.parent === null ? null : normUnitCode(u.parent));
  for (const u of units) parentOf.set(normUnitCode(u.code), u.parent ? normUnitCode(u.parent) : null);
  units.forEach((u, i) => {
    if (!u.parent) return;
    if (normUnitCode(u.parent) === normUnitCode(u.code)) {
      out.push(problem(['units', i, 'parent'], 'UNIT_PARENT_SELF', `Phòng ban ${u.code} không thể là đơn vị cha của chính nó`, `Unit ${u.code} cannot be its own parent`));
    } else if (!parentOf.has(normUnitCode(u.parent))) {
      out.push(problem(['units', i, 'parent'], 'UNIT_PARENT_NOT_FOUND', `Phòng ban cha ${u.parent} không tồn tại`, `Parent unit ${u.parent} does not exist`));
    }
  });
  const index = new Map(units.map((u, i) => [normUnitCode(u.code), i]));
  for (const cycle of cycles(parentOf, units.map((u) => normUnitCode(u.code)))) {
    if (cycle.length <= 2) continue; // self-parent, reported above
    const path = cycle.join(' → ');
    out.push(problem(['units', index.get(cycle[0]!)!, 'parent'], 'UNIT_PARENT_CYCLE', `Sơ đồ tổ chức bị vòng lặp: ${path}`, `The org chart contains a cycle: ${path}`));
  }
  return out;
}

function checkPositions(positions: NonNullable<KpiFile['positions']>): Problem[] {
  return duplicates(positions, (p) => p.code.trim().toLowerCase()).map((d) => {
    const code = positions[d.index]!.code;
    return problem(['positions', d.index, 'code'], 'POSITION_CODE_DUPLICATE', `Mã chức danh ${code} bị trùng (đã dùng ở chức danh thứ ${d.first + 1})`, `Position code ${code} is duplicated (already used by position #${d.first + 1})`);
  });
}

function checkPeople(file: KpiFile, known: KnownRefs): Problem[] {
  const people = file.people ?? [];
  const out: Problem[] = [];
  for (const d of duplicates(people, (p) => normEmail(p.email))) {
    const email = people[d.index]!.email;
    out.push(problem(['people', d.index, 'email'], 'PERSON_EMAIL_DUPLICATE', `Email ${email} bị trùng (đã dùng ở người thứ ${d.first + 1})`, `E-mail ${email} is duplicated (already used by person #${d.first + 1})`));
  }
  const units = new Set([...(known.units ?? []), ...(file.units ?? [])].map((u) => normUnitCode(u.code)));
  const positions = new Set([...(known.positionCodes ?? []), ...(file.positions ?? []).map((p) => p.code)].map((c) => c.trim().toLowerCase()));
  const managerOf = new Map<string, string | null>();
  for (const p of known.people ?? []) managerOf.set(normEmail(p.email), p.manager === null ? null : normEmail(p.manager));
  for (const p of people) managerOf.set(normEmail(p.email), p.manager ? normEmail(p.manager) : null);

  people.forEach((p, i) => {
    if (!units.has(normUnitCode(p.unit))) {
      out.push(problem(['people', i, 'unit'], 'PERSON_UNIT_NOT_FOUND', `Phòng ban ${p.unit} của ${p.email} không tồn tại`, `Unit ${p.unit} of ${p.email} does not exist`));
    }
    if (p.position && !positions.has(p.position.trim().toLowerCase())) {
      out.push(problem(['people', i, 'position'], 'PERSON_POSITION_NOT_FOUND', `Chức danh ${p.position} của ${p.email} không tồn tại`, `Position ${p.position} of ${p.email} does not exist`));
    }
    if (!p.manager) return;
    if (normEmail(p.manager) === normEmail(p.email)) {
      out.push(problem(['people', i, 'manager'], 'PERSON_MANAGER_SELF', `${p.email} không thể tự quản lý mình`, `${p.email} cannot be their own manager`));
    } else if (!managerOf.has(normEmail(p.manager))) {
      out.push(problem(['people', i, 'manager'], 'PERSON_MANAGER_NOT_FOUND', `Người quản lý ${p.manager} của ${p.email} không có trong danh sách nhân sự`, `Manager ${p.manager} of ${p.email} is not in the people list`));
    }
  });
  const index = new Map(people.map((p, i) => [normEmail(p.email), i]));
  for (const cycle of cycles(managerOf, people.map((p) => normEmail(p.email)))) {
    if (cycle.length <= 2) continue;
    const path = cycle.join(' → ');
    out.push(problem(['people', index.get(cycle[0]!)!, 'manager'], 'PERSON_MANAGER_CYCLE', `Quan hệ quản lý bị vòng lặp: ${path}`, `Manager links form a cycle: ${path}`));
  }
  return out;
}

/** Company, units, positions and people: duplicates, references that do not exist (in the file or `known`), cycles. */
export function checkOrg(file: KpiFile, known: KnownRefs = {}): Problem[] {
  return [...checkCompany(file), ...checkUnits(file.units ?? [], known), ...checkPositions(file.positions ?? []), ...checkPeople(file, known)];
}

export interface IndexedKpi {
  index: number;
  def: KpiFileKpi;
}

/** Owners and measurers must be people of the file or known people (by e-mail). */
export function checkKpiPeople(kpis: readonly IndexedKpi[], emails: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  for (const { index, def } of kpis) {
    for (const [field, vi, en] of [['owner', 'Người chịu trách nhiệm', 'Owner'], ['measurer', 'Người đo lường', 'Measurer']] as const) {
      const ref = def[field];
      if (ref && !emails.has(normEmail(ref))) {
        out.push(problem(['kpis', index, field], `KPI_${field.toUpperCase()}_NOT_FOUND`, `${vi} ${ref} của KPI ${def.code} không có trong danh sách nhân sự`, `${en} ${ref} of KPI ${def.code} is not in the people list`));
      }
    }
  }
  return out;
}

/** Formula KPIs: syntax, unknown KPI references and circular references (from the formula module). */
export function checkKpiFormulas(kpis: readonly IndexedKpi[], knownCodes: Iterable<string>): Problem[] {
  const computed = kpis.filter((k) => k.def.source === 'formula' && typeof k.def.formula === 'string' && k.def.formula.trim() !== '');
  const indexOf = new Map(computed.map((k) => [k.def.code, k.index]));
  const result = validateFormulaSet(
    computed.map((k) => ({ code: k.def.code, formula: k.def.formula! })),
    knownCodes,
  );
  return result.issues.map((i) => ({
    path: ['kpis', indexOf.get(i.kpi)!, 'formula'],
    code: `FORMULA_${i.code}`,
    message: { vi: `Công thức của KPI ${i.kpi}: ${i.message.vi}`, en: `Formula of KPI ${i.kpi}: ${i.message.en}` },
  }));
}

/** Units and people the KPIs' bindings map values to: in the file or known (the database). */
export function checkKpiBindings(kpis: readonly IndexedKpi[], file: Pick<KpiFile, 'units'>, known: KnownRefs, emails: ReadonlySet<string>): Problem[] {
  const units = new Set([...(known.units ?? []), ...(file.units ?? [])].map((u) => normUnitCode(u.code)));
  return kpis.flatMap(({ index, def }) => (def.binding ? bindingRefProblems(def.binding, ['kpis', index, 'binding'], units, emails) : []));
}
