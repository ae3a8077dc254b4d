import { assertStepOpen } from '../../../core/appraisal';
import type { Actor } from '../../actor';
import type { Store } from '../../ports';
import { refreshSheets } from '../results/refresh';
import { sheetFor } from './access';
import { auditSheet } from './write-helpers';

/** The bonus base (mức thưởng cơ sở, e.g. the P3 part of the salary) of one sheet, by someone with appraisal.setup. */
export async function setBonusBase(store: Store, actor: Actor, sheetId: number, base: number): Promise<void> {
  await store.transaction(async (tx) => {
    const { sheet, cycle } = await sheetFor(tx, actor, sheetId, 'appraisal.setup', { forUpdate: true });
    assertStepOpen(cycle, 'bonus-base');
    await tx.appraisal.sheets.updateSheet(sheetId, { bonusBase: base });
    await auditSheet(tx, actor, 'appraisal_sheets', sheetId, { bonusBase: sheet.bonusBase }, { bonusBase: base });
    await refreshSheets(tx, [sheetId]);
  });
}
