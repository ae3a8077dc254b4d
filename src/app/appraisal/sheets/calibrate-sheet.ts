import { assertStepOpen } from '../../../core/appraisal';
import { issue } from '../../../core/errors';
import { auditActor, type Actor } from '../../actor';
import type { Store } from '../../ports';
import { refreshSheets } from '../results/refresh';
import { sheetFor } from './access';
import { auditSheet, refuse } from './write-helpers';

/**
 * Calibration (Hiệu chỉnh kết quả): a new grade for the person, one of the cycle's bands, with a reason;
 * before/after are kept. The grade is the person's, so every sheet of theirs in the cycle carries it; the
 * coefficient and bonus follow it when the results are refreshed.
 */
export async function calibrateSheet(store: Store, actor: Actor, sheetId: number, input: { grade: string; reason: string }): Promise<void> {
  await store.transaction(async (tx) => {
    const { sheet, cycle } = await sheetFor(tx, actor, sheetId, 'appraisal.calibrate', { notOwn: true, forUpdate: true });
    assertStepOpen(cycle, 'calibrate');
    if (!cycle.bands.some((b) => b.grade === input.grade)) {
      const grades = cycle.bands.map((b) => b.grade).join(', ');
      throw refuse([
        issue('grade', 'APPRAISAL_GRADE_UNKNOWN', `Xếp loại "${input.grade}" không có trong khung xếp loại của kỳ (${grades})`, `Grade "${input.grade}" is not one of the cycle's grades (${grades})`),
      ]);
    }
    const before = sheet.calibratedGrade ?? sheet.grade;
    await tx.appraisal.sheets.addCalibration({ sheetId, score: sheet.score, beforeGrade: before, afterGrade: input.grade, reason: input.reason, ...auditActor(actor) });
    await tx.appraisal.sheets.setCalibratedGrade(cycle.id, sheet.personId, input.grade);
    await auditSheet(tx, actor, 'appraisal_sheets', sheetId, { grade: before }, { grade: input.grade, reason: input.reason });
    const all = await tx.appraisal.sheets.list({ cycleId: cycle.id, personId: sheet.personId, visible: { selfPersonId: null }, limit: 100, offset: 0 });
    await refreshSheets(tx, all.items.map((s) => s.id));
  });
}
