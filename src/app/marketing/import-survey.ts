import { BOOLEAN_WORDS } from '../../core/dataset/cells';
import { issue, type Issue } from '../../core/errors';
import type { Actor } from '../actor';
import { importInvalid, openSheet } from '../import/read-sheet';
import type { Store } from '../ports';
import { campaignFor } from './campaign-access';
import { setSurvey, type CampaignAwareness } from './surveys';

/** Header words (lower case, without accents or spaces) of the respondent's answer. */
const AWARE_HEADERS = ['biet', 'bietden', 'nhanbiet', 'aware', 'awareness'];

const squash = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * A before/after survey from respondent-level rows (one row per person asked, a yes/no "aware" column: có/không,
 * yes/no, 1/0 …), read with the one spreadsheet reader and counted into aware / asked. Blank answers are not
 * counted; any other word is an error by row and column, and nothing is written.
 */
export async function importSurvey(
  store: Store,
  actor: Actor,
  campaignId: number,
  phase: 'before' | 'after',
  takenOn: string,
  file: { name: string; data: Buffer },
): Promise<CampaignAwareness> {
  await campaignFor(store, actor, campaignId, 'campaign.report');
  const sheet = await openSheet(file.name, file.data);
  const column = sheet.headers.findIndex((h) => AWARE_HEADERS.includes(squash(h)));
  if (column < 0) {
    throw importInvalid([issue('header.aware', 'COLUMN_MISSING', 'Thiếu cột "Biết đến" (có/không)', 'Column "aware" (yes/no) is missing', { row: sheet.headerRow })]);
  }
  let aware = 0;
  let asked = 0;
  const issues: Issue[] = [];
  for await (const r of sheet.rows()) {
    const text = String(r.cells[column] ?? '').trim().toLowerCase();
    if (text === '') continue;
    if (!Object.hasOwn(BOOLEAN_WORDS, text)) {
      issues.push(issue(`row ${r.row} / aware`, 'NOT_YES_NO', `"${text}" không phải có/không`, `"${text}" is not yes/no`, { row: r.row, column: sheet.headers[column]! }));
      continue;
    }
    asked++;
    if (BOOLEAN_WORDS[text]) aware++;
  }
  if (issues.length > 0) throw importInvalid(issues);
  if (asked === 0) throw importInvalid([issue('file', 'NO_ANSWERS', 'Tệp không có câu trả lời nào', 'The file has no answers')]);
  return setSurvey(store, actor, campaignId, { phase, takenOn, aware, asked });
}
