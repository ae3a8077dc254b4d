import type { Kysely } from 'kysely';
import type { AppraisalSheetsStore } from '../../app/appraisal/sheets/ports';
import type { DB } from '../schema';

export function appraisalSheetsRepo(_db: Kysely<DB>): AppraisalSheetsStore {
  return {};
}
