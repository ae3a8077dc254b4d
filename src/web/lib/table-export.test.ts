import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCsv, buildXlsx, exportFileName, flattenRows, type ExportColumn } from './table-export';

interface Row {
  code: string;
  name: string;
  note: string;
  value: number | null;
  due: string | null;
  at: string | null;
}

const columns: ExportColumn<Row>[] = [
  { title: 'Mã', value: (r) => r.code },
  { title: 'Tên chỉ số', value: (r) => r.name },
  { title: 'Ghi chú', value: (r) => r.note },
  { title: 'Thực hiện', value: (r) => r.value },
  { title: 'Hạn báo cáo', value: (r) => r.due, type: 'date' },
  { title: 'Lúc', value: (r) => r.at, type: 'datetime' },
];

const rows: Row[] = [
  { code: 'KD-01', name: 'Doanh thu thuần', note: 'a;b', value: 1234567.5, due: '2026-12-05', at: '2026-12-04T17:30:00Z' },
  { code: 'KD-02', name: 'Tỷ lệ khách hàng quay lại', note: 'nói "đạt"', value: -5, due: null, at: null },
  { code: 'KD-03', name: 'dòng 1\ndòng 2', note: '=1+1', value: 0, due: '2025-09-05', at: null },
  { code: '@SUM(A1)', name: '\tTab', note: '\rCR', value: null, due: null, at: null },
  { code: '+84-912-345-678', name: '-5', note: '- trừ', value: 12, due: null, at: null },
];

describe('buildCsv', () => {
  const csv = buildCsv(columns, rows);
  const lines = csv.slice(1).split('\r\n');

  it('starts with the UTF-8 byte order mark and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[0]).toBe('Mã,Tên chỉ số,Ghi chú,Thực hiện,Hạn báo cáo,Lúc');
  });

  it('keeps Vietnamese text exact, quotes ; " and line breaks, writes numbers plainly and dates dd/mm/yyyy', () => {
    // 17:30 UTC on 04/12 is 00:30 on 05/12 in Hanoi (UTC+7).
    expect(lines[1]).toBe('KD-01,Doanh thu thuần,"a;b",1234567.5,05/12/2026,05/12/2026 00:30');
    expect(lines[2]).toBe('KD-02,Tỷ lệ khách hàng quay lại,"nói ""đạt""",-5,,');
    expect(csv).toContain('KD-03,"dòng 1\ndòng 2",\'=1+1,0,05/09/2025,');
  });

  it('neutralizes formula-looking text (=, @, tab, CR, + and - that are not numbers) but not number-shaped text', () => {
    expect(csv).toContain("'@SUM(A1),'\tTab,\"'\rCR\",,,");
    expect(csv).toContain("'+84-912-345-678,-5,'- trừ,12,,");
  });

  it('writes the NFC form of decomposed Vietnamese text', () => {
    const decomposed = 'Doanh thu thuần'.normalize('NFD');
    const out = buildCsv([{ title: 'x', value: (r: { s: string }) => r.s }], [{ s: decomposed }]);
    expect(out).toBe('\uFEFFx\r\nDoanh thu thuần\r\n');
  });
});

describe('buildXlsx', () => {
  async function readBack(): Promise<ExcelJS.Worksheet> {
    const bytes = await buildXlsx(columns, rows, { sheetName: 'Thư viện KPI' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = book.getWorksheet('Thư viện KPI');
    if (!sheet) throw new Error('sheet missing');
    return sheet;
  }

  it('has a bold frozen header with filters, numbers typed as numbers and dates as dd/mm/yyyy dates', async () => {
    const sheet = await readBack();
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mã', 'Tên chỉ số', 'Ghi chú', 'Thực hiện', 'Hạn báo cáo', 'Lúc']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('B2').value).toBe('Doanh thu thuần');
    expect(sheet.getCell('D2').value).toBe(1234567.5);
    expect(sheet.getCell('D3').value).toBe(-5);
    expect(sheet.getCell('D3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('E2').value).toEqual(new Date(Date.UTC(2026, 11, 5)));
    expect(sheet.getCell('E2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('F2').value).toEqual(new Date(Date.UTC(2026, 11, 5, 0, 30)));
    expect(sheet.getCell('F2').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getCell('E3').value).toBeNull();
  });

  it('neutralizes formula-looking text cells and keeps them text, never formulas', async () => {
    const sheet = await readBack();
    expect(sheet.getCell('C4').value).toBe("'=1+1");
    expect(sheet.getCell('A5').value).toBe("'@SUM(A1)");
    expect(sheet.getCell('B5').value).toBe("'\tTab");
    expect(String(sheet.getCell('C5').value)).toMatch(/^'[\r\n]CR$/); // XML reads a lone CR back as LF
    expect(sheet.getCell('A6').value).toBe("'+84-912-345-678");
    expect(sheet.getCell('B6').value).toBe('-5'); // text that is a number is not a formula: left as the table showed it
    expect(sheet.getCell('C4').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('flattenRows and exportFileName', () => {
  it('lists a tree depth first', () => {
    const tree = [{ id: 'a', children: [{ id: 'a1', children: [{ id: 'a11' }] }, { id: 'a2' }] }, { id: 'b' }];
    expect(flattenRows(tree).map((r) => r.id)).toEqual(['a', 'a1', 'a11', 'a2', 'b']);
  });

  it('names the file after the table and the date', () => {
    expect(exportFileName('kpi-library', '2026-12-05', 'csv')).toBe('kpi-library-2026-12-05.csv');
    expect(exportFileName('Nhật ký / thay đổi', '2026-12-05', 'xlsx')).toBe('Nhật-ký-thay-đổi-2026-12-05.xlsx');
  });
});
