import { describe, expect, it } from 'vitest';
import { scorecardPdf, type ScorecardReportData } from './scorecard-pdf';
import { sheetPdf } from './sheet-pdf';
import type { SheetReportData } from './sheet-report';

const texts = (node: unknown): string[] => {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
};

const card: ScorecardReportData = {
  lang: 'vi',
  company: 'Công ty TNHH Thương mại Minh An',
  scopeLabel: 'Phòng Kinh doanh (KD)',
  period: { key: '2026-06', start: '2026-06-01', end: '2026-06-30', inProgress: false },
  generatedOn: '05/12/2026',
  sections: [
    {
      title: 'Phòng Kinh doanh (KD)',
      score: 0.925,
      status: 'amber',
      items: [{ code: 'REVENUE', name: 'Doanh thu thuần'.normalize('NFD'), unit: 'VND', target: 20e9, actual: 18.5e9, achievement: 0.925, score: 0.925, status: 'amber' }],
    },
  ],
};

describe('PDF document definitions', () => {
  it('scorecard: names in NFC, VND and percent as a Vietnamese reader writes them, period dates dd/mm/yyyy', () => {
    const all = texts(scorecardPdf(card).content);
    expect(all).toContain('Doanh thu thuần'.normalize('NFC'));
    expect(all.some((s) => s.normalize('NFC') !== s)).toBe(false);
    expect(all).toContain('20.000.000.000 ₫');
    expect(all).toContain('18.500.000.000 ₫');
    expect(all).toContain('92,5%');
    expect(all).toContain('Kỳ: 2026-06 (01/06/2026 – 30/06/2026)');
  });

  it('scorecard footer: "Trang 2/3" in Vietnamese, "Page 2 of 3" in English', () => {
    const footer = (lang: 'vi' | 'en') => texts((scorecardPdf({ ...card, lang }).footer as (c: number, p: number) => unknown)(2, 3));
    expect(footer('vi')).toContain('Trang 2/3');
    expect(footer('en')).toContain('Page 2 of 3');
  });

  it('evaluation sheet before publication, read by its person: "Chưa công bố" instead of score, grade and the manager review', () => {
    const sheet: SheetReportData = {
      lang: 'vi', company: 'Minh An', generatedOn: '05/12/2026', personName: 'Vũ Đình Khoa', personEmail: 'nhanvien@minhan.vn', unitName: 'Nhóm Kinh doanh Miền Bắc',
      positionName: 'Nhân viên kinh doanh', reviewerName: 'Hoàng Thị Lan', cycleName: 'Đánh giá KPI quý 4/2026', startsOn: '2026-10-01', endsOn: '2026-12-31',
      groups: [{ code: 'output', name: { vi: 'Kết quả đầu ra', en: 'Output' }, weight: 60, score: null }],
      items: [{ group: 'output', code: 'REVENUE', name: { vi: 'Doanh thu cá nhân', en: 'Personal revenue' }, kind: 'kpi', unit: 'VND', weight: 70, target: 3_563_000_000, actual: null, achievement: null, score: null, selfRating: null, selfComment: 'Đã cố gắng', managerRating: null, managerComment: '' }],
      score: null, grade: null, resultsHidden: true,
    };
    const all = texts(sheetPdf(sheet).content);
    expect(all).toContain('3.563.000.000 ₫');
    expect(all).toContain('Đã cố gắng');
    expect(all.filter((s) => s === 'Chưa công bố').length).toBeGreaterThanOrEqual(3); // final score, grade, manager comment
    expect(all).toContain('Nhóm: Kết quả đầu ra — Trọng số 60% — Điểm nhóm: Chưa công bố');
    for (const s of ['Người được đánh giá', 'Quản lý trực tiếp', 'Phê duyệt']) expect(all).toContain(s);
  });
});
