import type { Lang } from '../../core/errors';
import { ddmmyyyy } from '../../core/reports/format';
import { scorecardPdf, type ScorecardReportData, type ScorecardSection } from '../../core/reports/scorecard-pdf';
import { asciiSlug } from '../../core/reports/file-names';
import type { Actor } from '../actor';
import { getCompany } from '../company/company';
import { getScorecard } from '../evaluation';
import { todayOf } from '../evaluation/opening-period';
import type { Store, TargetScope } from '../ports';
import { renderPdf } from './render-pdf';
import { CONTENT_TYPE, type ReportFile } from './report-file';
import { scopeLabel, sectionOf, unitTreeOrder } from './scorecard-sections';
import { scorecardXlsx } from './scorecard-xlsx';

export interface ScorecardReportQuery {
  period?: string | undefined;
  scope: TargetScope;
  format: 'json' | 'xlsx' | 'pdf';
  lang: Lang;
  /** Company or unit scope: one section (worksheet / PDF part) for the scope and each unit below it. */
  unitTree?: boolean | undefined;
  now: Date;
}

/**
 * The scorecard of a scope and period as a file. `json` is exactly GET /api/scorecard's document; the numbers
 * of every section come from getScorecard, which also checks `numbers.read` on each scope (403 before anything
 * is built).
 */
export async function renderScorecardReport(store: Store, actor: Actor, q: ScorecardReportQuery): Promise<ReportFile> {
  const main = await getScorecard(store, actor, { period: q.period, scope: q.scope, now: q.now });
  const periodKey = main.period.key;
  if (q.format === 'json') return { fileName: `scorecard-${periodKey}.json`, contentType: CONTENT_TYPE.json, data: Buffer.from(`${JSON.stringify(main)}\n`) };

  const company = await getCompany(store);
  const mainLabel = await scopeLabel(store, q.scope, company.name);
  const sections: ScorecardSection[] = [sectionOf(mainLabel, main, q.lang)];
  const sheetNames = [q.scope.type === 'unit' ? await unitCode(store, q.scope.id!) : q.scope.type === 'company' ? company.name : mainLabel];
  if (q.unitTree && q.scope.type !== 'person') {
    const units = unitTreeOrder(await store.units.list(), q.scope.id);
    for (const u of q.scope.type === 'unit' ? units.slice(1) : units) {
      const card = await getScorecard(store, actor, { period: periodKey, scope: { type: 'unit', id: u.id }, now: q.now });
      sections.push(sectionOf(`${u.name} (${u.code})`, card, q.lang));
      sheetNames.push(u.code);
    }
  }
  const data: ScorecardReportData = {
    lang: q.lang,
    company: company.name,
    scopeLabel: mainLabel,
    period: main.period,
    generatedOn: ddmmyyyy(await todayOf(store, q.now)),
    sections,
  };
  const base = `${q.lang === 'vi' ? 'the-diem' : 'scorecard'}-${asciiSlug(sheetNames[0]!, 'scope')}-${asciiSlug(periodKey, 'period')}`;
  if (q.format === 'xlsx') return { fileName: `${base}.xlsx`, contentType: CONTENT_TYPE.xlsx, data: await scorecardXlsx(data, sheetNames) };
  return { fileName: `${base}.pdf`, contentType: CONTENT_TYPE.pdf, data: await renderPdf(scorecardPdf(data)) };
}

async function unitCode(store: Store, id: number): Promise<string> {
  return (await store.units.findById(id))?.code ?? `unit-${id}`;
}
