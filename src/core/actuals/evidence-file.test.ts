import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, sanitizeFileName } from './evidence-file';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('checkEvidenceFile', () => {
  it('accepts a real PDF, PNG and CSV with the content type of their kind', () => {
    const pdf = checkEvidenceFile('bao-cao.pdf', bytes('%PDF-1.7\n...'));
    expect(pdf).toMatchObject({ ok: true, kind: 'pdf', contentType: 'application/pdf' });
    const png = checkEvidenceFile('a.PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]));
    expect(png).toMatchObject({ ok: true, kind: 'png' });
    expect(checkEvidenceFile('doanh-thu.csv', bytes('tháng,doanh thu\n03,1000\n'))).toMatchObject({ ok: true, contentType: 'text/csv; charset=utf-8' });
  });

  it('rejects HTML and an executable named .pdf, and .html files', () => {
    expect(checkEvidenceFile('report.pdf', bytes('<html><script>alert(1)</script></html>'))).toMatchObject({ ok: false, issue: { code: 'content_mismatch' } });
    expect(checkEvidenceFile('setup.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]))).toMatchObject({ ok: false, issue: { code: 'content_mismatch' } });
    expect(checkEvidenceFile('page.html', bytes('%PDF-1.7'))).toMatchObject({ ok: false, issue: { code: 'type_not_allowed' } });
    expect(checkEvidenceFile('notes.txt', bytes('<!DOCTYPE html><p>x'))).toMatchObject({ ok: false, issue: { code: 'content_mismatch' } });
    expect(checkEvidenceFile('a.xlsx', bytes('PK\u0003\u0004word/document.xml'))).toMatchObject({ ok: false });
    expect(checkEvidenceFile('a.xlsx', bytes('PK\u0003\u0004xl/workbook.xml'))).toMatchObject({ ok: true, kind: 'xlsx' });
  });

  it('rejects empty files', () => {
    expect(checkEvidenceFile('a.txt', new Uint8Array())).toMatchObject({ ok: false, issue: { code: 'empty' } });
  });
});

describe('sanitizeFileName', () => {
  it('drops folders, control and reserved characters and leading dots', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\x\\Báo cáo "Q1".pdf')).toBe('Báo cáo _Q1_.pdf');
    expect(sanitizeFileName('a\r\nb.txt')).toBe('a__b.txt');
    expect(sanitizeFileName('...')).toBe('evidence');
    const long = sanitizeFileName(`${'x'.repeat(300)}.pdf`);
    expect(long.length).toBe(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
