import { describe, expect, it } from 'vitest';
import { asciiSlug, personFileName, uniqueNames } from './file-names';

describe('report file names', () => {
  it('slugs Vietnamese names to ASCII: diacritics dropped, đ → d, one hyphen between words', () => {
    expect(personFileName('Vũ Đình Khoa', 'nhanvien@minhan.vn', 'pdf')).toBe('vu-dinh-khoa-nhanvien.pdf');
    expect(personFileName('Đặng Thu Trang', 'trang.dang@minhan.vn', 'xlsx')).toBe('dang-thu-trang-trang-dang.xlsx');
    expect(asciiSlug('Nguyễn Thị Thảo')).toBe('nguyen-thi-thao');
  });

  it('lets no path separator, dot-dot or control character through; never empty', () => {
    expect(personFileName('../../etc/passwd', 'a/b\\c@x.vn', 'pdf')).toBe('etc-passwd-a-b-c.pdf');
    expect(personFileName('\u0000\u202e', '@x.vn', 'pdf')).toBe('person-email.pdf');
    expect(asciiSlug('x'.repeat(200))).toHaveLength(60);
  });

  it('makes names unique within one zip', () => {
    expect(uniqueNames(['a.pdf', 'b.pdf', 'a.pdf', 'a.pdf'])).toEqual(['a.pdf', 'b.pdf', 'a-2.pdf', 'a-3.pdf']);
  });
});
