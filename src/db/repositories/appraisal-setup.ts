import type { Kysely } from 'kysely';
import type { AppraisalSetupStore } from '../../app/appraisal/setup/ports';
import type { DB } from '../schema';

export function appraisalSetupRepo(_db: Kysely<DB>): AppraisalSetupStore {
  return {};
}
