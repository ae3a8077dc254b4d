import type { CycleRecord } from '../../core/appraisal';
import type { AppraisalResultsStore } from './results/ports';
import type { AppraisalSetupStore } from './setup/ports';
import type { AppraisalSheetsStore } from './sheets/ports';

/**
 * What people-performance use-cases need from storage: the cycle (shared by everything), set-up (templates,
 * bonus rules, cycles, assignment), sheets (agreement, reviews, calibration, pay) and results (actuals per
 * item, scores, unit averages, period close). Each part lives with its use-cases.
 */
export interface AppraisalStore {
  cycles: {
    get(id: number): Promise<CycleRecord | null>;
  };
  setup: AppraisalSetupStore;
  sheets: AppraisalSheetsStore;
  results: AppraisalResultsStore;
}
