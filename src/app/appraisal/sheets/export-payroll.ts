import { newWorkbook } from '../../workbook';
import { neutralizeForExport } from '../../../core/import/formula-cells';
import type { Lang } from '../../../core/errors';
import type { Actor } from '../../actor';
import type { Store } from '../../ports';
import type { SheetRecord } from './ports';
import { latestPerPerson, sheetsInView } from './sheets-in-view';

const VND = '#,##0 "₫"';
const PERCENT = '0.00%';
const DATE = 'dd/mm/yyyy';

const HEADERS = {
  code: { vi: 'Mã nhân viên (email)', en: 'Employee code (e-mail)' },
  name: { vi: 'Họ và tên', en: 'Name' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  position: { vi: 'Chức danh', en: 'Position' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  score: { vi: 'Điểm cuối', en: 'Final score' },
  grade: { vi: 'Xếp loại', en: 'Grade' },
  coefficient: { vi: 'Hệ số thưởng', en: 'Bonus coefficient' },
  base: { vi: 'Mức thưởng cơ sở', en: 'Bonus base' },
  bonus: { vi: 'Thưởng KPI', en: 'KPI bonus' },
};

const text = (s: string | null) => (s === null ? null : neutralizeForExport(s));
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The cycle's results for payroll as an XLSX workbook: one row per person in the caller's appraisal.pay
 * scope (code, name, unit, position, dates, one column per group score, final score, grade, coefficient,
 * base, bonus) with VND, percent and dd/mm/yyyy formats. Every text cell goes through neutralizeForExport,
 * so a name such as "=HYPERLINK(…)" stays text.
 */
export async function exportPayroll(store: Store, actor: Actor, cycleId: number, lang: Lang, unitId?: number): Promise<{ fileName: string; data: Buffer }> {
  const { cycle, sheets } = await sheetsInView(store, actor, cycleId, 'appraisal.pay', unitId);
  const groups = new Map<string, string>();
  for (const s of sheets) for (const g of s.groups) if (!groups.has(g.code)) groups.set(g.code, g.name[lang]);
  const span = new Map<number, { from: string; to: string }>();
  for (const s of sheets) {
    const seen = span.get(s.personId);
    span.set(s.personId, { from: !seen || s.startsOn < seen.from ? s.startsOn : seen.from, to: !seen || s.endsOn > seen.to ? s.endsOn : seen.to });
  }

  const wb = await newWorkbook();
  const ws = wb.addWorksheet(lang === 'vi' ? 'Kết quả đánh giá' : 'Evaluation results');
  const groupColumns = [...groups].map(([code, name]) => ({ header: text(name)!, key: `g:${code}`, width: 14, style: { numFmt: PERCENT } }));
  ws.columns = [
    { header: HEADERS.code[lang], key: 'code', width: 28 },
    { header: HEADERS.name[lang], key: 'name', width: 28 },
    { header: HEADERS.unit[lang], key: 'unit', width: 26 },
    { header: HEADERS.position[lang], key: 'position', width: 22 },
    { header: HEADERS.from[lang], key: 'from', width: 12, style: { numFmt: DATE } },
    { header: HEADERS.to[lang], key: 'to', width: 12, style: { numFmt: DATE } },
    ...groupColumns,
    { header: HEADERS.score[lang], key: 'score', width: 12, style: { numFmt: PERCENT } },
    { header: HEADERS.grade[lang], key: 'grade', width: 10 },
    { header: HEADERS.coefficient[lang], key: 'coefficient', width: 12, style: { numFmt: '0.00' } },
    { header: HEADERS.base[lang], key: 'base', width: 18, style: { numFmt: VND } },
    { header: HEADERS.bonus[lang], key: 'bonus', width: 18, style: { numFmt: VND } },
  ];
  ws.getRow(1).font = { bold: true };
  for (const s of latestPerPerson(sheets)) ws.addRow(rowOf(s, span.get(s.personId)!));
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `ket-qua-danh-gia-${cycle.code}.xlsx`, data };
}

function rowOf(s: SheetRecord, dates: { from: string; to: string }): Record<string, unknown> {
  return {
    code: text(s.personEmail),
    name: text(s.personName),
    unit: text(s.unitName),
    position: text(s.positionName),
    from: asDate(dates.from),
    to: asDate(dates.to),
    ...Object.fromEntries(s.groups.map((g) => [`g:${g.code}`, g.score ?? null])),
    score: s.score,
    grade: text(s.calibratedGrade ?? s.grade),
    coefficient: s.coefficient,
    base: s.bonusBase,
    bonus: s.bonus,
  };
}
