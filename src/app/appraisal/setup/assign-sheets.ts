import { assertStepOpen } from '../../../core/appraisal';
import { planAssignment } from '../../../core/appraisal/plan-assignment';
import { DomainError, issue, type Issue, type Localized } from '../../../core/errors';
import { subtreeIds } from '../../../core/org/tree';
import { compareDates, isValidDate } from '../../../core/period';
import { auditActor, type Actor } from '../../actor';
import { forbidden, notFound, personTarget, policy, unitTarget } from '../../policy';
import type { Store } from '../../ports';
import { refreshSheets } from '../results/refresh';
import { CYCLE, invalid, TEMPLATE, templateArchived } from './errors';
import type { AssignablePerson, ItemTarget, NewItem, TemplateRecord } from './ports';

export interface AssignInput {
  templateId: number;
  personIds?: number[] | undefined;
  unitId?: number | undefined;
  includeSubunits: boolean;
  positionId?: number | undefined;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
}

export interface AssignOutcome {
  created: number;
  skipped: { personId: number; reason: Localized }[];
}

/**
 * Gives everyone picked (by ids, a unit with or without its sub-units, a position — filters combine) a sheet of
 * the template for the cycle, in one transaction: the caller needs appraisal.manage on every person (one outside
 * → 403, nothing written); an inactive person → 422 naming them. Each sheet copies the person's unit, position
 * and manager (the reviewer) and the template's groups and items; a KPI item starts from the person's own KPI
 * target for the cycle's period when there is one (status proposed). Set-based: a few statements for any number.
 */
export async function assignSheets(store: Store, actor: Actor, cycleId: number, input: AssignInput): Promise<AssignOutcome> {
  policy.requireAtAll(actor, 'appraisal.manage');
  return store.transaction(async (tx) => {
    const setup = tx.appraisal.setup;
    const cycle = await setup.cycles.getForUpdate(cycleId);
    if (!cycle) throw notFound(CYCLE, cycleId);
    const template = await setup.templates.get(input.templateId);
    if (!template) throw notFound(TEMPLATE, input.templateId);

    const people = await pickPeople(tx, actor, input);
    for (const p of people) if (!policy.can(actor, 'appraisal.manage', personTarget(p))) throw forbidden();
    assertStepOpen(cycle, 'assign');
    if (template.archived) throw templateArchived(template.name);
    const inactive = people.filter((p) => !p.active);
    if (inactive.length > 0) throw inactiveError(inactive, input.personIds ?? []);
    const dates = { startsOn: input.startsOn ?? cycle.startsOn, endsOn: input.endsOn ?? cycle.endsOn };
    const dateIssues = datesIssues(dates, cycle);
    if (dateIssues.length > 0) throw invalid(dateIssues);
    const kpiIds = await templateKpiIds(tx, template);

    const existing = await setup.assignment.existingSheets(cycleId, people.map((p) => p.id));
    const plan = planAssignment(people, existing, dates, actor.person?.id ?? null);
    const chosen = new Set(plan.create);
    const picked = people.filter((p) => chosen.has(p.id));
    const targets = await setup.assignment.personTargets([...new Set(kpiIds.values())], plan.create, cycle.period);
    const items = templateItems(template, kpiIds);
    const startFrom: ItemTarget[] = picked.flatMap((p) => targetsOf(items, p.id, targets));
    if (plan.cut.length > 0) await setup.assignment.endSheets(plan.cut.map((c) => ({ id: c.id, endsOn: c.endsOn })));
    const sheetIds = await setup.assignment.insertSheets(
      cycleId,
      template.id,
      template.groups.map((g) => ({ code: g.code, name: g.name, weight: g.weight, overridden: false })),
      picked.map((p) => ({ personId: p.id, unitId: p.unitId, positionId: p.positionId, reviewerId: p.managerId, ...dates })),
      items,
      startFrom,
      { userId: auditActor(actor).actorUserId, name: actor.user.name },
    );
    await refreshSheets(tx, [...sheetIds.values(), ...plan.cut.map((c) => c.id)]);
    await tx.audit.record([
      ...plan.cut.map((c) => ({ ...auditActor(actor), action: 'update' as const, entity: 'appraisal_sheet', entityId: String(c.id), before: { endsOn: c.before }, after: { endsOn: c.endsOn } })),
      ...(sheetIds.size > 0
        ? [
            {
              ...auditActor(actor),
              action: 'create' as const,
              entity: 'appraisal_cycle',
              entityId: String(cycleId),
              before: null,
              after: { assigned: { templateId: template.id, ...dates, sheets: [...sheetIds].map(([personId, sheetId]) => ({ personId, sheetId })) } },
            },
          ]
        : []),
    ]);
    return { created: sheetIds.size, skipped: plan.skipped };
  });
}

/** The people the filters pick (they combine); a unit or a bare position is limited to what the caller may manage. */
async function pickPeople(store: Store, actor: Actor, input: AssignInput): Promise<AssignablePerson[]> {
  let unitIds: number[] | undefined;
  if (input.unitId !== undefined) {
    const unit = await store.units.findById(input.unitId);
    if (!unit) throw notFound({ vi: 'phòng ban', en: 'Unit' }, input.unitId);
    policy.require(actor, 'appraisal.manage', unitTarget(unit.id));
    if (unit.archived) throw invalid([issue('unitId', 'APPRAISAL_UNIT_ARCHIVED', `Phòng ban "${unit.name}" đã lưu trữ`, `The unit "${unit.name}" is archived`)]);
    unitIds = input.includeSubunits ? [...subtreeIds(await store.units.list(), unit.id)] : [unit.id];
  } else if (input.personIds === undefined) {
    unitIds = policy.visibleUnitIds(actor);
  }
  if (input.positionId !== undefined && !(await store.positions.findById(input.positionId))) {
    throw invalid([issue('positionId', 'APPRAISAL_POSITION_UNKNOWN', `Chức danh #${input.positionId} không tồn tại`, `Position #${input.positionId} does not exist`)]);
  }
  const personIds = input.personIds && [...new Set(input.personIds)];
  const people = await store.appraisal.setup.assignment.people({ personIds, unitIds, positionId: input.positionId });
  if (personIds && input.unitId === undefined && input.positionId === undefined) {
    const found = new Set(people.map((p) => p.id));
    const unknown = input.personIds!.flatMap((id, i) => (found.has(id) ? [] : [issue(`personIds.${i}`, 'APPRAISAL_PERSON_UNKNOWN', `Nhân sự #${id} không tồn tại`, `Person #${id} does not exist`)]));
    if (unknown.length > 0) throw invalid(unknown);
  }
  return people;
}

function inactiveError(inactive: AssignablePerson[], personIds: number[]): DomainError {
  const names = inactive.map((p) => p.fullName).join(', ');
  return new DomainError(
    'APPRAISAL_PERSON_INACTIVE',
    { vi: `Không giao phiếu cho người đã nghỉ việc: ${names}.`, en: `Sheets are not assigned to people who have left: ${names}.` },
    {
      issues: inactive.map((p) =>
        issue(`personIds.${Math.max(0, personIds.indexOf(p.id))}`, 'APPRAISAL_PERSON_INACTIVE', `${p.fullName} đã nghỉ việc`, `${p.fullName} has left`),
      ),
      params: { personIds: inactive.map((p) => p.id) },
    },
  );
}

/** A sheet's days are real dates inside the cycle, the first not after the last. */
function datesIssues(d: { startsOn: string; endsOn: string }, cycle: { startsOn: string; endsOn: string }): Issue[] {
  const out: Issue[] = [];
  for (const key of ['startsOn', 'endsOn'] as const) {
    const date = d[key];
    if (!isValidDate(date)) out.push(issue(key, 'APPRAISAL_DATES_INVALID', `Ngày ${date} không có thật`, `The date ${date} does not exist`));
    else if (compareDates(date, cycle.startsOn) < 0 || compareDates(date, cycle.endsOn) > 0) {
      out.push(issue(key, 'APPRAISAL_DATES_INVALID', `Ngày ${date} nằm ngoài kỳ (${cycle.startsOn} … ${cycle.endsOn})`, `The date ${date} is outside the cycle (${cycle.startsOn} … ${cycle.endsOn})`));
    }
  }
  if (out.length === 0 && compareDates(d.startsOn, d.endsOn) > 0) {
    out.push(issue('endsOn', 'APPRAISAL_DATES_INVALID', 'Ngày kết thúc trước ngày bắt đầu', 'The end date is before the start date'));
  }
  return out;
}

/** The KPI id of each KPI item; a KPI archived since the template was saved stops the assignment (422). */
async function templateKpiIds(store: Store, template: TemplateRecord): Promise<Map<string, number>> {
  const codes = template.groups.flatMap((g) => g.items.flatMap((i) => (i.kind === 'kpi' ? [i.kpiCode] : [])));
  const kpis = await store.appraisal.setup.assignment.kpisByCode([...new Set(codes)]);
  const bad = codes.filter((c) => !kpis.get(c) || kpis.get(c)!.archived);
  if (bad.length > 0) {
    throw invalid([
      issue('templateId', 'APPRAISAL_KPI_ARCHIVED', `Mẫu phiếu dùng KPI đã lưu trữ hoặc không còn: ${bad.join(', ')}`, `The template uses KPIs that are archived or gone: ${bad.join(', ')}`),
    ]);
  }
  return new Map(codes.map((c) => [c, kpis.get(c)!.id]));
}

/** The template's items as each new sheet gets them, in order. */
function templateItems(template: TemplateRecord, kpiIds: Map<string, number>): NewItem[] {
  let sort = 0;
  return template.groups.flatMap((g) =>
    g.items.map((item): NewItem => {
      const base = { groupCode: g.code, code: item.code, name: item.name, sort: sort++, weight: item.weight };
      return item.kind === 'rated'
        ? { ...base, kind: 'rated', kpiId: null, scale: item.scale, levels: item.levels }
        : { ...base, kind: 'kpi', kpiId: kpiIds.get(item.kpiCode)!, scale: null, levels: null };
    }),
  );
}

/** A KPI item starts from the person's own target of that KPI for the cycle's period, proposed. */
function targetsOf(items: NewItem[], personId: number, targets: Map<string, number>): ItemTarget[] {
  return items.flatMap((item) => {
    const target = item.kpiId === null ? undefined : targets.get(`${item.kpiId}|${personId}`);
    return target === undefined ? [] : [{ personId, code: item.code, target, targetStatus: 'proposed' as const }];
  });
}
