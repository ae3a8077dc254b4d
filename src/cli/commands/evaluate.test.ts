import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { register } from './evaluate';
import { runCli } from '../../../test/helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'openkpi-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

let files = 0;
/** Writes a sheet file (an object as JSON, or text as given) and returns its path. */
function sheetFile(content: unknown, ext = 'json'): string {
  const path = join(dir, `sheet-${++files}.${ext}`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const run = (args: string[]) => runCli([register], ['evaluate', ...args]);

/** The worked example, as the issue writes it. */
const EXAMPLE = {
  groups: [
    {
      code: 'output',
      weight: 60,
      items: [
        { code: 'REV', weight: 70, direction: 'increase', method: 'ratio', target: 1000000000, actual: 1100000000, cap: 1.2 },
        { code: 'NEW_CUST', weight: 30, direction: 'increase', target: 20, actual: 15 },
      ],
    },
    { code: 'behavior', weight: 20, items: [{ code: 'ON_TIME', weight: 100, scale: 5, rating: 4 }] },
    { code: 'competency', weight: 20, items: [{ code: 'PRODUCT', weight: 100, scale: 5, rating: 3.5 }] },
  ],
  missing: 'renormalize',
  bands: [
    { grade: 'A', min: 1.05 },
    { grade: 'B', min: 0.95 },
    { grade: 'C', min: 0.8 },
    { grade: 'D', min: 0 },
  ],
  bonus: { base: 5000000, rate: 1, coefficients: { A: 1.5, B: 1.2, C: 1.0, D: 0.5 }, round: 1000 },
};

const withoutBehaviorRating = () => {
  const sheet = structuredClone(EXAMPLE);
  delete (sheet.groups[1]!.items[0] as { rating?: number }).rating;
  return sheet;
};

describe('openkpi evaluate', () => {
  it('--json: the worked example gives output 0.995, final 0.897, grade C, bonus 5,000,000', async () => {
    // output 0.7 × 1.1 + 0.3 × 0.75 = 0.995; final 0.6 × 0.995 + 0.2 × 0.8 + 0.2 × 0.7 = 0.897 → C → 1.0 × 5,000,000
    const { out, err, exitCode } = await run([sheetFile(EXAMPLE), '--json']);
    expect(err).toBe('');
    expect(exitCode).toBeUndefined();
    expect(JSON.parse(out)).toEqual({
      score: 0.897,
      grade: 'C',
      coefficient: 1,
      bonus: 5000000,
      groups: [
        { code: 'output', score: 0.995 },
        { code: 'behavior', score: 0.8 },
        { code: 'competency', score: 0.7 },
      ],
      items: [
        { code: 'REV', achievement: 1.1, score: 1.1 },
        { code: 'NEW_CUST', achievement: 0.75, score: 0.75 },
        { code: 'ON_TIME', achievement: 0.8, score: 0.8 },
        { code: 'PRODUCT', achievement: 0.7, score: 0.7 },
      ],
    });
  });

  it('prints a readable Vietnamese table by default', async () => {
    const { out } = await run([sheetFile(EXAMPLE)]);
    expect(out).toBe(
      [
        'Nhóm / mục  Trọng số  Tỷ lệ hoàn thành   Điểm',
        'output           60%                    99,5%',
        '  REV            70%              110%   110%',
        '  NEW_CUST       30%               75%    75%',
        'behavior         20%                      80%',
        '  ON_TIME       100%               80%    80%',
        'competency       20%                      70%',
        '  PRODUCT       100%               70%    70%',
        '─────────────────────────────────────────────',
        'Điểm cuối cùng: 89,7%',
        'Xếp loại: C',
        'Hệ số thưởng: 1',
        'Thưởng KPI: 5.000.000 ₫',
        'Mục hoặc nhóm thiếu dữ liệu: bỏ qua và chia lại trọng số cho phần còn lại',
        '',
      ].join('\n'),
    );
  });

  it('YAML without the behavior rating, in English: (0.597 + 0.14) ÷ 0.8 = 0.92125, the missing rule named', async () => {
    const yaml = `# rating not given yet
groups:
  - code: output
    weight: 60
    items:
      - { code: REV, weight: 70, direction: increase, method: ratio, target: 1 tỷ, actual: '1,1 tỷ', cap: 1.2 }
      - { code: NEW_CUST, weight: 30, direction: increase, target: 20, actual: 15 }
  - code: behavior
    weight: 20
    items: [{ code: ON_TIME, weight: 100, scale: 5 }]
  - code: competency
    weight: 20
    items: [{ code: PRODUCT, weight: 100, scale: 5, rating: 3.5 }]
bonus: { base: 5 triệu }
`;
    const file = sheetFile(yaml, 'yaml');
    const json = await run([file, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ score: 0.92125, grade: 'C', coefficient: 1, bonus: 5000000, groups: [{}, { code: 'behavior', score: null }, {}] });
    const text = await run([file, '--lang', 'en']);
    expect(text.out).toContain('  ON_TIME       100%            —      —\n');
    expect(text.out).toContain('behavior         20%                   —\n');
    expect(text.out).toContain('Final score: 92.13%\nGrade: C\nBonus coefficient: 1\nKPI bonus: 5,000,000 ₫\nItems or groups without a value: left out, the rest renormalized\n');
  });

  it('"missing": "zero" counts the missing rating as 0: 0.597 + 0 + 0.14 = 0.737 → D → 0.5 × 5,000,000', async () => {
    const { out } = await run([sheetFile({ ...withoutBehaviorRating(), missing: 'zero' }), '--json']);
    expect(JSON.parse(out)).toMatchObject({ score: 0.737, grade: 'D', coefficient: 0.5, bonus: 2500000, groups: [{}, { code: 'behavior', score: 0 }, {}] });
    const text = await run([sheetFile({ ...withoutBehaviorRating(), missing: 'zero' })]);
    expect(text.out).toContain('Mục hoặc nhóm thiếu dữ liệu: tính 0 điểm\n');
  });

  it('"coefficients": "score" uses the final score: 5,000,000 × 0.897 = 4,485,000', async () => {
    const { out } = await run([sheetFile({ ...EXAMPLE, bonus: { base: '5 triệu', coefficients: 'score' } }), '--json']);
    expect(JSON.parse(out)).toMatchObject({ score: 0.897, grade: 'C', coefficient: 0.897, bonus: 4485000 });
  });

  it('weights not totalling 100 exit 1 naming the group and its actual total (vi and en)', async () => {
    const sheet = structuredClone(EXAMPLE);
    sheet.groups[0]!.items[0]!.weight = 69.99;
    const file = sheetFile(sheet);
    const vi = await run([file]);
    expect(vi).toEqual({ out: '', err: 'Trọng số các mục trong nhóm "output" cộng lại bằng 99,99, phải đúng bằng 100\n', exitCode: 1 });
    process.exitCode = undefined;
    const en = await run([file, '--json', '--lang', 'en']);
    expect(en).toEqual({ out: '', err: 'The weights of the items of group "output" total 99.99; they must total exactly 100\n', exitCode: 1 });
  });

  it('a rating outside the scale exits 1', async () => {
    const sheet = structuredClone(EXAMPLE);
    (sheet.groups[1]!.items[0] as { rating?: number }).rating = 6;
    const { err, exitCode } = await run([sheetFile(sheet), '--lang', 'en']);
    expect(err).toBe('The rating of "ON_TIME" must be from 1 to 5 (got: 6)\n');
    expect(exitCode).toBe(1);
  });

  it('hostile numbers (1e308, 1e400, "NaN") and unknown fields exit 1 with every problem listed', async () => {
    const text = JSON.stringify({ ...EXAMPLE, note: 'x' })
      .replace('"target":1000000000', '"target":1e308')
      .replace('"actual":15', '"actual":1e400')
      .replace('"rating":3.5', '"rating":"NaN"');
    const { out, err, exitCode } = await run([sheetFile(text), '--lang', 'en']);
    expect(out).toBe('');
    expect(exitCode).toBe(1);
    expect(err.split('\n')).toEqual([
      'Sheet: unknown field "note" (use: groups, missing, bands, bonus) (and 3 more)',
      '  - Sheet: unknown field "note" (use: groups, missing, bands, bonus)',
      '  - Item "REV" of group "output", field "target" must be a finite number, 0 or of magnitude 1e-9 to 1e15 (e.g. 5000000 or "5 triệu") (got: 1e+308)',
      '  - Item "NEW_CUST" of group "output", field "actual" must be a finite number, 0 or of magnitude 1e-9 to 1e15 (e.g. 5000000 or "5 triệu") (got: Infinity)',
      '  - Item "PRODUCT" of group "competency", field "rating" must be a finite number, 0 or of magnitude 1e-9 to 1e15 (got: "NaN")',
      '',
    ]);
  });

  it('files that are not JSON or YAML, not a sheet, or missing exit 1 with a clear message', async () => {
    const notJson = await run([sheetFile('{"groups": [', 'json'), '--lang', 'en']);
    expect(notJson.exitCode).toBe(1);
    expect(notJson.err).toMatch(/sheet-\d+\.json is not valid JSON: /);
    process.exitCode = undefined;
    const notYaml = await run([sheetFile('groups: [\n  - code: a\n  weight: : :\n', 'yaml'), '--lang', 'en']);
    expect(notYaml.exitCode).toBe(1);
    expect(notYaml.err).toContain('is not valid JSON or YAML: ');
    process.exitCode = undefined;
    const plainText = await run([sheetFile('just some words', 'txt'), '--lang', 'en']);
    expect(plainText.err).toBe('Sheet must be an object (got: "just some words")\n');
    process.exitCode = undefined;
    const missing = await run([join(dir, 'nope.json')]);
    expect(missing.exitCode).toBe(1);
    expect(missing.err).toMatch(/^Không đọc được tệp .*nope\.json: ENOENT/);
  });
});
