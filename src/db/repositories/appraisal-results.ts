import type { Kysely } from 'kysely';
import type { AppraisalResultsStore } from '../../app/appraisal/results/ports';
import type { DB } from '../schema';

export function appraisalResultsRepo(_db: Kysely<DB>): AppraisalResultsStore {
  return {};
}
