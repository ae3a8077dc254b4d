import type { Localized } from '../errors';
import { addDays, compareDates, dateParts } from '../period';

export interface PlanPerson {
  id: number;
  positionId: number | null;
}

export interface PlanSheet {
  id: number;
  personId: number;
  positionId: number | null;
  startsOn: string;
  endsOn: string;
}

export interface AssignmentPlan {
  /** People who get a new sheet over the dates asked. */
  create: number[];
  /** Sheets that end the day before the new one starts (the person changed position mid-cycle). */
  cut: { id: number; personId: number; endsOn: string; before: string }[];
  skipped: { personId: number; reason: Localized }[];
}

const shown = (d: string) => {
  const p = dateParts(d);
  return p ? `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}` : d;
};

/**
 * Who gets a sheet for [startsOn, endsOn] in a cycle. One sheet per person and day: a person whose sheet
 * already covers some of those days is skipped with the reason — except a person now in another position than
 * on that sheet, when the new sheet starts after it: the old sheet then ends the day before (the results engine
 * weights both by days). Nobody is assigned their own sheet (`actorPersonId`): someone above them does it.
 */
export function planAssignment(
  people: readonly PlanPerson[],
  existing: readonly PlanSheet[],
  dates: { startsOn: string; endsOn: string },
  actorPersonId: number | null,
): AssignmentPlan {
  const byPerson = new Map<number, PlanSheet[]>();
  for (const s of existing) byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), s]);
  const plan: AssignmentPlan = { create: [], cut: [], skipped: [] };
  for (const p of people) {
    if (p.id === actorPersonId) {
      plan.skipped.push({ personId: p.id, reason: { vi: 'Không tự giao phiếu cho chính mình: cấp trên của bạn giao.', en: 'You do not assign your own sheet: your manager does.' } });
      continue;
    }
    const overlapping = (byPerson.get(p.id) ?? []).filter((s) => compareDates(s.startsOn, dates.endsOn) <= 0 && compareDates(s.endsOn, dates.startsOn) >= 0);
    const only = overlapping.length === 1 ? overlapping[0]! : null;
    if (overlapping.length === 0) {
      plan.create.push(p.id);
    } else if (only && only.positionId !== p.positionId && compareDates(dates.startsOn, only.startsOn) > 0 && compareDates(only.endsOn, dates.endsOn) <= 0) {
      plan.cut.push({ id: only.id, personId: p.id, endsOn: addDays(dates.startsOn, -1), before: only.endsOn });
      plan.create.push(p.id);
    } else {
      const s = overlapping[0]!;
      plan.skipped.push({
        personId: p.id,
        reason: {
          vi: `Đã có phiếu từ ${shown(s.startsOn)} đến ${shown(s.endsOn)} trùng các ngày này.`,
          en: `Already has a sheet from ${shown(s.startsOn)} to ${shown(s.endsOn)} overlapping these days.`,
        },
      });
    }
  }
  return plan;
}

