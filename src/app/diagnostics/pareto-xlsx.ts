import type ExcelJS from 'exceljs';
import { newWorkbook } from '../workbook';
import { ACTION_PLAN_STATUS_LABELS } from '../../core/diagnostics';
import type { Lang } from '../../core/errors';
import { neutralizeForExport } from '../../core/import/formula-cells';
import type { Actor } from '../actor';
import type { Store } from '../ports';
import { getPareto } from './pareto';

const PERCENT = '0.0%';
const DATE = 'dd/mm/yyyy';
const L = (vi: string, en: string) => ({ vi, en });
const text = (s: string | null) => (s === null ? null : neutralizeForExport(s));
const asDate = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

function sheet(wb: ExcelJS.Workbook, name: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  return ws;
}

function finish(ws: ExcelJS.Worksheet): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: ws.columnCount } };
}

/**
 * The Pareto page as an XLSX workbook, with what the caller may read only: the bars (reason, count, share,
 * cumulative %, vital few), the KPIs behind each bar, and the open action plans (due date dd/mm/yyyy).
 * Numbers are numbers, shares are % cells, every text cell goes through neutralizeForExport; frozen headers, filters.
 */
export async function exportPareto(store: Store, actor: Actor, q: { period: string; unitId?: number | undefined }, lang: Lang): Promise<{ fileName: string; data: Buffer }> {
  const view = await getPareto(store, actor, q);
  const t = (l: { vi: string; en: string }) => l[lang];
  const company = t(L('Công ty', 'Company'));
  const scopeName = (s: { type: string }, name: string) => (s.type === 'company' ? company : name);
  const wb = await newWorkbook();

  const bars = sheet(wb, t(L('Nguyên nhân', 'Reasons')), [
    { header: t(L('Nguyên nhân không đạt', 'Miss reason')), key: 'reason', width: 48 },
    { header: t(L('Số lần', 'Count')), key: 'count', width: 10 },
    { header: t(L('Tỷ trọng', 'Share')), key: 'share', width: 12, style: { numFmt: PERCENT } },
    { header: t(L('Lũy kế', 'Cumulative')), key: 'cumulative', width: 12, style: { numFmt: PERCENT } },
    { header: t(L('Nhóm thiểu số quan trọng', 'Vital few')), key: 'vital', width: 14 },
  ]);
  for (const b of view.bars) {
    bars.addRow({ reason: text(t(b.label)), count: b.count, share: b.share, cumulative: b.cumulative, vital: b.vital ? t(L('Có', 'Yes')) : '' });
  }
  finish(bars);

  const kpis = sheet(wb, 'KPI', [
    { header: t(L('Nguyên nhân không đạt', 'Miss reason')), key: 'reason', width: 40 },
    { header: t(L('Mã KPI', 'KPI code')), key: 'code', width: 22 },
    { header: t(L('Tên KPI', 'KPI name')), key: 'name', width: 40 },
    { header: t(L('Phạm vi', 'Scope')), key: 'scope', width: 28 },
    { header: t(L('Số lần', 'Count')), key: 'count', width: 10 },
  ]);
  for (const b of view.bars) {
    for (const k of b.kpis) {
      kpis.addRow({ reason: text(t(b.label)), code: text(k.code), name: text(lang === 'en' ? (k.nameEn ?? k.name) : k.name), scope: text(scopeName(k.scope, k.scopeName)), count: k.count });
    }
  }
  finish(kpis);

  const plans = sheet(wb, t(L('Kế hoạch hành động', 'Action plans')), [
    { header: t(L('Mã KPI', 'KPI code')), key: 'kpi', width: 22 },
    { header: t(L('Phạm vi', 'Scope')), key: 'scope', width: 24 },
    { header: t(L('Kỳ', 'Period')), key: 'period', width: 10 },
    { header: t(L('Nguyên nhân không đạt', 'Miss reason')), key: 'reason', width: 36 },
    { header: t(L('Sự việc', 'Fact')), key: 'fact', width: 36 },
    { header: t(L('Nguyên nhân gốc', 'Cause')), key: 'cause', width: 36 },
    { header: t(L('Hành động', 'Action')), key: 'action', width: 40 },
    { header: t(L('Người phụ trách', 'Owner')), key: 'owner', width: 24 },
    { header: t(L('Hạn hoàn thành', 'Due date')), key: 'due', width: 14, style: { numFmt: DATE } },
    { header: t(L('Trạng thái', 'Status')), key: 'status', width: 16 },
  ]);
  for (const p of view.plans) {
    const label = view.bars.find((b) => b.reason === p.reason)?.label;
    plans.addRow({
      kpi: text(p.kpi),
      scope: text(scopeName(p.scope, p.scopeName)),
      period: text(p.period),
      reason: text(label ? t(label) : p.reason),
      fact: text(p.fact),
      cause: text(p.cause),
      action: text(p.action),
      owner: text(p.ownerName),
      due: asDate(p.dueOn),
      status: text(t(ACTION_PLAN_STATUS_LABELS[p.status])),
    });
  }
  finish(plans);

  const unitPart = view.unit ? `-${view.unit.code}` : '';
  return { fileName: `pareto-nguyen-nhan-${view.period}${unitPart}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
