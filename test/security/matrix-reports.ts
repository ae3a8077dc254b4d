import type { MatrixArea, ScopeName, World } from './matrix-world';
import { SCOPES, scopeQuery, scopeTarget } from './matrix-world';

/**
 * Permission-matrix cases of the report files (src/server/routes/reports.ts). The scorecard report is
 * `numbers.read` on its scope, like GET /api/scorecard. The evaluation-sheet files reuse the sheets the
 * appraisal-sheets area set up (its set-up runs first): one sheet is `appraisal.read` on its person, a cycle's
 * zip for a unit is `appraisal.read` on that unit (and lists only sheets the caller may read).
 */
const PEOPLE = ['person:nhanvien@minhan.vn', 'person:tuan.kieu@minhan.vn', 'person:an.nguyen@minhan.vn'] as const satisfies readonly ScopeName[];
const UNITS = ['unit:KD-MB', 'unit:MKT', 'unit:BGD'] as const satisfies readonly ScopeName[];
const id = (w: World, key: string) => w.ids.get(key)!;

export const reportsArea: MatrixArea = {
  cases: {
    'GET /api/reports/scorecard': {
      succeeds: true,
      action: 'numbers.read',
      scopes: SCOPES,
      request: (w, s) => ({ method: 'GET', url: `/api/reports/scorecard?period=2026-06&scope=${scopeQuery(w, s)}&format=xlsx` }),
    },
    'GET /api/appraisal/sheets/{id}/report': {
      succeeds: true,
      action: 'appraisal.read',
      scopes: PEOPLE,
      request: (w, s) => ({ method: 'GET', url: `/api/appraisal/sheets/${id(w, `sheet:targets|${s}`)}/report?format=xlsx` }),
    },
    'GET /api/appraisal/cycles/{id}/reports': {
      succeeds: true,
      action: 'appraisal.read',
      scopes: UNITS,
      target: (w, s) => scopeTarget(w, s),
      request: (w, s) => ({ method: 'GET', url: `/api/appraisal/cycles/${id(w, 'cycle:sheets-review')}/reports?unit=${w.unit[s.slice(5)]}&format=xlsx` }),
    },
  },
};
