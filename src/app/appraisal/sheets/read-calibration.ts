import type { z } from 'zod';
import { reviewerLeniency, roundScore } from '../../../core/appraisal';
import type { Lang } from '../../../core/errors';
import type { Calibration } from '../../../contract/appraisal';
import type { Actor } from '../../actor';
import type { Store } from '../../ports';
import { latestPerPerson, sheetsInView } from './sheets-in-view';

type CalibrationView = z.infer<typeof Calibration>;

const percent = (share: number, lang: Lang) => `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }).format(roundScore(share * 100))}%`;

/**
 * The calibration view (Hiệu chỉnh kết quả) of a cycle over the sheets the caller may calibrate: the grade
 * distribution of the graded people against the cycle's target distribution ("A: 25% > 15%"), each
 * reviewer's leniency (mean score of the sheets they reviewed minus the mean of all reviewed sheets in view),
 * most lenient first, and the grade changes made in calibration.
 */
export async function readCalibration(store: Store, actor: Actor, cycleId: number, lang: Lang, unitId?: number): Promise<CalibrationView> {
  const { cycle, sheets } = await sheetsInView(store, actor, cycleId, 'appraisal.calibrate', unitId);
  const graded = latestPerPerson(sheets).flatMap((s) => {
    const grade = s.calibratedGrade ?? s.grade;
    return grade === null ? [] : [grade];
  });
  const distribution = cycle.bands.map(({ grade }) => {
    const count = graded.filter((g) => g === grade).length;
    const share = graded.length === 0 ? 0 : roundScore(count / graded.length);
    const target = cycle.distribution?.[grade] ?? null;
    return { grade, count, share, target, over: target !== null && share > target };
  });
  const warnings = distribution.filter((d) => d.over).map((d) => `${d.grade}: ${percent(d.share, lang)} > ${percent(d.target!, lang)}`);

  const reviewed = sheets.flatMap((s) => {
    const score = s.ownScore ?? s.score;
    return s.reviewedBy === null || score === null ? [] : [{ reviewer: String(s.reviewedBy), score, name: s.reviewedByName ?? '' }];
  });
  const lenient = reviewerLeniency(reviewed);
  const names = new Map(reviewed.map((r) => [r.reviewer, r.name]));

  const calibrations = await store.appraisal.sheets.calibrations(sheets.map((s) => s.id));
  const personOf = new Map(sheets.map((s) => [s.id, s.personName]));
  return {
    people: graded.length,
    distribution,
    warnings,
    companyMean: lenient.companyMean,
    // Most lenient first.
    reviewers: lenient.reviewers
      .map((r) => ({ reviewerId: Number(r.reviewer), name: names.get(r.reviewer)!, count: r.count, mean: r.mean, leniency: r.leniency }))
      .sort((a, b) => b.leniency - a.leniency || a.name.localeCompare(b.name, 'vi')),
    changes: calibrations.map((c) => ({ sheetId: c.sheetId, personName: personOf.get(c.sheetId)!, beforeGrade: c.beforeGrade, afterGrade: c.afterGrade, score: c.score, reason: c.reason, actorName: c.actorName, at: c.at })),
  };
}
