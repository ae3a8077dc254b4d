import { DomainError, issue, type Issue } from '../errors';
import { assertCycleOpen, type CyclePhase } from './cycle';

/**
 * Lock rule for values and targets (issue 11 §3): a person's value or target of a KPI for a period inside a
 * locked (or published) cycle's dates is read-only when the person has a sheet in that cycle with an item for
 * that KPI. One rule for every writer: check-in, API push, import row, formula recompute, person target.
 */

/** A KPI of a person frozen by a locked cycle. */
export interface LockedKpi {
  personId: number;
  kpiId: number;
  cycleName: string;
  phase: CyclePhase;
  startsOn: string;
  endsOn: string;
}

/** A write of a person-scope value or target. */
export interface PersonWrite {
  kpiId: number;
  personId: number;
  start: string;
  end: string;
}

/** The locks as a look-up by KPI and person, built once per request or file. */
export class ValueLocks {
  private readonly byKey = new Map<string, LockedKpi[]>();

  constructor(locks: readonly LockedKpi[]) {
    for (const l of locks) {
      const key = `${l.kpiId}:${l.personId}`;
      const list = this.byKey.get(key);
      if (list) list.push(l);
      else this.byKey.set(key, [l]);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The locked cycle this write falls in (its period inside the cycle's dates), if any. */
  lockOf(w: PersonWrite): LockedKpi | undefined {
    if (this.byKey.size === 0) return undefined;
    return this.byKey.get(`${w.kpiId}:${w.personId}`)?.find((l) => w.start >= l.startsOn && w.end <= l.endsOn);
  }

  /** Throws HTTP 409 CYCLE_LOCKED (the cycle rule's message) for the first locked write. */
  assertOpen(writes: Iterable<PersonWrite>): void {
    for (const w of writes) {
      const lock = this.lockOf(w);
      if (lock) assertCycleOpen({ name: lock.cycleName, phase: lock.phase });
    }
  }

  /** The import's row issue for a locked write, or null. */
  rowIssue(w: PersonWrite, row: number, column: string): Issue | null {
    const lock = this.lockOf(w);
    if (!lock) return null;
    const message = lockMessage(lock);
    return issue(`row ${row} / ${column}`, 'CYCLE_LOCKED', `Dòng ${row}, cột "${column}": ${message.vi}`, `Row ${row}, column "${column}": ${message.en}`, { row, column });
  }
}

function lockMessage(lock: LockedKpi): { vi: string; en: string } {
  try {
    assertCycleOpen({ name: lock.cycleName, phase: lock.phase });
  } catch (e) {
    if (e instanceof DomainError) return e.localized;
    throw e;
  }
  throw new Error('lockMessage: the cycle is not locked');
}
