import { zipSync } from 'fflate';
import type { Lang } from '../../core/errors';
import { personFileName, uniqueNames } from '../../core/reports/file-names';
import { ddmmyyyy } from '../../core/reports/format';
import { sheetPdf } from '../../core/reports/sheet-pdf';
import type { SheetReportData } from '../../core/reports/sheet-report';
import { asciiSlug } from '../../core/reports/file-names';
import type { Actor } from '../actor';
import { isOwnSheet } from '../appraisal/sheets/access';
import { getSheet } from '../appraisal/sheets/read-sheets';
import type { SheetView } from '../appraisal/sheets/present-sheet';
import { latestPerPerson, sheetsInView } from '../appraisal/sheets/sheets-in-view';
import { getCompany } from '../company/company';
import { todayOf } from '../evaluation/opening-period';
import type { Store } from '../ports';
import { renderPdf } from './render-pdf';
import { CONTENT_TYPE, type ReportFile, type ReportFormat } from './report-file';
import { sheetXlsx } from './sheet-xlsx';

/**
 * One evaluation sheet as XLSX or PDF, built from the sheet view of GET /api/appraisal/sheets/{id}: the same
 * `appraisal.read` check and the same hiding of the manager's review, score and grade from the person before
 * the cycle is published.
 */
export async function renderSheetReport(store: Store, actor: Actor, sheetId: number, format: ReportFormat, lang: Lang, now: Date): Promise<ReportFile> {
  const view = await getSheet(store, actor, sheetId, now);
  const data = reportData(view, (await getCompany(store)).name, ddmmyyyy(await todayOf(store, now)), lang, hiddenFor(actor, view));
  const fileName = personFileName(view.personName, view.personCode ?? `sheet-${view.id}`, format);
  return { fileName, contentType: CONTENT_TYPE[format], data: await renderData(data, format) };
}

/**
 * The sheets of a cycle the actor may read (optionally a unit and its sub-units, which the actor must reach):
 * one file per person (their latest sheet in the cycle) in a zip, named `<name-slug>-<email-local>.<ext>`.
 */
export async function renderCycleReports(
  store: Store,
  actor: Actor,
  q: { cycleId: number; unitId?: number | undefined; format: ReportFormat; lang: Lang; now: Date },
): Promise<ReportFile> {
  const { cycle, sheets } = await sheetsInView(store, actor, q.cycleId, 'appraisal.read', q.unitId);
  const company = (await getCompany(store)).name;
  const generatedOn = ddmmyyyy(await todayOf(store, q.now));
  const views: SheetView[] = [];
  for (const s of latestPerPerson(sheets)) views.push(await getSheet(store, actor, s.id, q.now));
  views.sort((a, b) => a.personName.localeCompare(b.personName, 'vi'));
  const names = uniqueNames(views.map((v) => personFileName(v.personName, v.personCode ?? `sheet-${v.id}`, q.format)));
  const files: Record<string, Uint8Array> = {};
  for (const [i, v] of views.entries()) files[names[i]!] = await renderData(reportData(v, company, generatedOn, q.lang, hiddenFor(actor, v)), q.format);
  const unit = q.unitId === undefined ? null : await store.units.findById(q.unitId);
  const fileName = `${q.lang === 'vi' ? 'phieu-danh-gia' : 'evaluation-sheets'}-${asciiSlug(cycle.code, 'cycle')}${unit ? `-${asciiSlug(unit.code, 'unit')}` : ''}-${q.format}.zip`;
  return { fileName, contentType: CONTENT_TYPE.zip, data: Buffer.from(zipSync(files, { level: 6 })) };
}

/** The same rule as sightOf (isOwnSheet): the sheet's own person sees no results before the cycle is published. */
const hiddenFor = (actor: Actor, v: SheetView) => isOwnSheet(actor, v) && v.cycle.phase !== 'published';

async function renderData(data: SheetReportData, format: ReportFormat): Promise<Buffer> {
  return format === 'xlsx' ? sheetXlsx(data) : renderPdf(sheetPdf(data));
}

export function reportData(v: SheetView, company: string, generatedOn: string, lang: Lang, ownBeforePublication: boolean): SheetReportData {
  return {
    lang,
    company,
    generatedOn,
    personName: v.personName,
    personEmail: v.personCode ?? '',
    unitName: v.unitName,
    positionName: v.positionName,
    reviewerName: v.reviewerName,
    cycleName: v.cycle.name,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    groups: v.groups.map((g) => ({ code: g.code, name: g.name, weight: g.weight, score: g.score })),
    items: v.items.map((i) => ({
      group: i.group,
      code: i.code,
      name: i.name,
      kind: i.kind,
      unit: i.unit,
      weight: i.weight,
      target: i.target,
      actual: i.actual,
      achievement: i.achievement,
      score: i.score,
      selfRating: i.selfRating,
      selfComment: i.selfComment,
      managerRating: i.managerRating,
      managerComment: i.managerComment,
    })),
    score: v.score,
    grade: v.grade,
    // The view already blanked them (sightOf); the file says "not published yet" instead of a dash.
    resultsHidden: ownBeforePublication,
  };
}
