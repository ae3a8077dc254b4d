import type { Kysely, Selectable } from 'kysely';
import type { CycleRecord } from '../../core/appraisal';
import type { AppraisalCyclesTable, DB } from '../schema';

/** A cycle row as the rules see it (dates as `yyyy-mm-dd`, instants as ISO strings). */
export function cycleFromRow(r: Selectable<AppraisalCyclesTable>): CycleRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    frequency: r.frequency,
    period: r.period_key,
    startsOn: String(r.starts_on).slice(0, 10),
    endsOn: String(r.ends_on).slice(0, 10),
    phase: r.phase,
    deadlines: r.deadlines,
    missing: r.missing,
    bands: r.bands,
    distribution: r.distribution,
    secondApproval: r.second_approval,
    lockedAt: r.locked_at === null ? null : new Date(r.locked_at).toISOString(),
    publishedAt: r.published_at === null ? null : new Date(r.published_at).toISOString(),
  };
}

export function appraisalCyclesRepo(db: Kysely<DB>) {
  return {
    async get(id: number): Promise<CycleRecord | null> {
      const r = await db.selectFrom('appraisal_cycles').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? cycleFromRow(r) : null;
    },
  };
}
