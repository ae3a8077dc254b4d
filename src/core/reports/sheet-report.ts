import type { Lang } from '../errors';

type Names = { vi: string; en: string };

/** What an evaluation-sheet report shows: the sheet as its reader may see it (hidden results are null). */
export interface SheetReportData {
  lang: Lang;
  company: string;
  /** dd/mm/yyyy */
  generatedOn: string;
  personName: string;
  personEmail: string;
  unitName: string;
  positionName: string | null;
  reviewerName: string | null;
  cycleName: string;
  startsOn: string;
  endsOn: string;
  groups: { code: string; name: Names; weight: number; score: number | null }[];
  items: {
    group: string;
    code: string;
    name: Names;
    kind: 'kpi' | 'rated';
    unit: string | null;
    weight: number;
    target: number | null;
    actual: number | null;
    achievement: number | null;
    score: number | null;
    selfRating: number | null;
    selfComment: string;
    managerRating: number | null;
    managerComment: string;
  }[];
  score: number | null;
  grade: string | null;
  /** The person reads their own sheet before publication: score, grade and the manager's review are not shown. */
  resultsHidden: boolean;
}

/** An item's part of its group score: score × weight (weights are percentages within the group). */
export const weightedResult = (score: number | null, weightPercent: number): number | null => (score === null ? null : (score * weightPercent) / 100);
