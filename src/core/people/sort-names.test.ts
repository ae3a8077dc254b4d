import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, sortByVietnameseName, splitVietnameseName, vietnameseNameSortKey } from './sort-names';

describe('Vietnamese name order', () => {
  it('sorts by given name first: Nguyễn Văn An < Trần Thị Bình (An < Bình) < Lê Văn Cường', () => {
    expect(compareVietnameseNames('Nguyễn Văn An', 'Trần Thị Bình')).toBeLessThan(0);
    expect(sortByVietnameseName(['Lê Văn Cường', 'Trần Thị Bình', 'Nguyễn Văn An'], (n) => n)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
    ]);
  });

  it('orders Hà, Hoàng, Hồ, Huỳnh as a Vietnamese dictionary does: o before ô, tones only break ties', () => {
    // Worked by hand, second letter: Hà (a) < Hoàng (o, then a…) < Hồ (ô comes after o) < Huỳnh (u).
    // A tone-blind "accent folded" order would put Hồ before Hoàng (ho < hoang); ô is a letter of its own.
    const given = ['Huỳnh', 'Hồ', 'Hoàng', 'Hà'].map((g) => `Nguyễn Văn ${g}`);
    expect(sortByVietnameseName(given, (n) => n).map((n) => splitVietnameseName(n).given)).toEqual(['Hà', 'Hoàng', 'Hồ', 'Huỳnh']);
  });

  it('letters with marks are letters of their own: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư', () => {
    const words = ['Ư', 'U', 'Ơ', 'Ô', 'O', 'Ê', 'E', 'Đ', 'D', 'Â', 'Ă', 'A'];
    expect(sortByVietnameseName(words, (n) => n)).toEqual(['A', 'Ă', 'Â', 'D', 'Đ', 'E', 'Ê', 'O', 'Ô', 'Ơ', 'U', 'Ư']);
  });

  it('tones break ties in the order ngang, huyền, hỏi, ngã, sắc, nặng; a longer word after all tones of a shorter one', () => {
    const words = ['Hoa', 'Họ', 'Hó', 'Hõ', 'Hỏ', 'Hò', 'Ho'];
    expect(sortByVietnameseName(words, (n) => n)).toEqual(['Ho', 'Hò', 'Hỏ', 'Hõ', 'Hó', 'Họ', 'Hoa']);
  });

  it('same given name: family and middle names decide (Lê Thị Hà < Nguyễn Hà < Nguyễn Văn Hà)', () => {
    expect(sortByVietnameseName(['Nguyễn Văn Hà', 'Nguyễn Hà', 'Lê Thị Hà'], (n) => n)).toEqual(['Lê Thị Hà', 'Nguyễn Hà', 'Nguyễn Văn Hà']);
  });

  it('decomposed input (NFD) and extra spaces give the same key as composed text', () => {
    expect(vietnameseNameSortKey('  Trần   Thị Bình ')).toBe(vietnameseNameSortKey('Trần Thị Bình'.normalize('NFD')));
  });

  it('agrees with Intl.Collator("vi") on single words', () => {
    const collator = new Intl.Collator('vi');
    const words = ['An', 'Anh', 'Ánh', 'Ảnh', 'Ăn', 'Ân', 'Bình', 'Chi', 'Dũng', 'Duy', 'Đức', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Ho', 'Hồ', 'Hoàng', 'Hơn', 'Huỳnh', 'Hưng', 'Khoa', 'Lan', 'Linh', 'Oanh', 'Ôn', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Thu', 'Thư', 'Trâm', 'Uyên', 'Vy', 'Yến', 'an', 'hà'];
    const sign = (n: number) => Math.sign(n);
    for (const a of words) for (const b of words) expect([a, b, sign(compareVietnameseNames(a, b))]).toEqual([a, b, sign(collator.compare(a, b))]);
  });
});
