import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintKpiFile } from './lint';
import { parseKpiFile } from './parse';

const DEMO = readFileSync(new URL('../../../examples/demo-company.yaml', import.meta.url), 'utf8');

/** A small valid file; tests change one thing at a time. Line numbers matter: keep the layout. */
const kpi = (code: string, extra = '') => `
  - code: ${code}
    name: Doanh thu thuần ${code}
    description: Doanh thu bán hàng sau chiết khấu
    level: strategic
    perspective: financial
    unit: VND
    direction: increase
    aggregation: sum
    frequency: monthly
    source: manual
    owner: an@example.vn
    measurer: ketoan@example.vn
    report_within_days: 5
    baseline: {period: 2025, value: 180e9}
    status: active
    targets: [{period: 2026, value: 240e9}, {period: 2026-01, value: 20e9, min: 18e9, stretch: 22e9}]${extra}`;

const ORG = `version: 1
company: {name: Công ty Thử, timezone: Asia/Ho_Chi_Minh}
units:
  - {code: HQ, name: Trụ sở}
  - {code: SALES, name: Phòng Kinh doanh, parent: HQ}
positions:
  - {code: rep, name: Nhân viên kinh doanh}
people:
  - {email: an@example.vn, name: Nguyễn Văn An, unit: HQ}
  - {email: ketoan@example.vn, name: Lê Thị Kế Toán, unit: SALES, position: rep, manager: an@example.vn}
kpis:`;

const codes = (text: string) => parseKpiFile(text).issues.map((i) => `${i.path} ${i.code} @${i.row}`);

describe('parseKpiFile', () => {
  it('reads a valid file: numbers like 240e9, year periods as text, defaults for absent fields', () => {
    const { doc, issues } = parseKpiFile(ORG + kpi('REV'));
    expect(issues).toEqual([]);
    const rev = doc!.kpis![0]!;
    // 240e9 = 240 000 000 000; `period: 2026` is read as the key "2026"
    expect(rev.targets).toEqual([
      { period: '2026', value: 240_000_000_000 },
      { period: '2026-01', value: 20_000_000_000, min: 18_000_000_000, stretch: 22_000_000_000 },
    ]);
    expect(rev.baseline).toEqual({ period: '2025', value: 180_000_000_000 });
    expect(rev).toMatchObject({ reportWithinDays: 5, parents: [], tags: [], group: null, formula: null });
    expect(doc!.company).toEqual({ name: 'Công ty Thử', timezone: 'Asia/Ho_Chi_Minh', currency: 'VND', locale: 'vi-VN', fiscalYearStartMonth: 1 });
    expect(doc!.people![1]).toEqual({ email: 'ketoan@example.vn', name: 'Lê Thị Kế Toán', unit: 'SALES', position: 'rep', manager: 'an@example.vn' });
  });

  it('reports unknown keys with their line and column, and suggests the key that was meant', () => {
    const text = ORG.replace('{code: HQ, name: Trụ sở}', '{code: HQ, name: Trụ sở, colour: red}') + kpi('REV', '\n    ownr: an@example.vn');
    const { doc, issues } = parseKpiFile(text);
    // `  - {code: HQ, name: Trụ sở, colour: red}` is line 4; "colour" starts at column 30 (2 spaces, "- {" and 25 characters before it)
    expect(issues[0]).toMatchObject({ path: 'units[0].colour', code: 'KPI_FILE_UNKNOWN_KEY', row: 4, column: '30' });
    expect(issues[0]!.message.vi).toBe('Dòng 4:30: Khóa "colour" không có trong định dạng; các khóa hợp lệ: code, name, parent');
    // ORG has 11 lines, so the KPI starts on line 12; its 16 lines end on 27 and `ownr` is on line 28
    expect(issues[1]).toMatchObject({ path: 'kpis[0].ownr', row: 28, column: '5' });
    expect(issues[1]!.message.en).toBe('Line 28:5: Unknown key "ownr"; did you mean "owner"?');
    expect(doc).not.toBeNull(); // unknown keys do not stop the rest of the checks
  });

  it('reports wrong types and missing fields with the path and line', () => {
    const text = ORG.replace('{code: SALES, name: Phòng Kinh doanh, parent: HQ}', '{code: SALES, parent: HQ}')
      .replace('timezone: Asia/Ho_Chi_Minh}', 'timezone: Asia/Ho_Chi_Minh, fiscal_year_start_month: "một"}') +
      kpi('REV') + kpi('CHILD', '\n    parents: [{code: REV, weight: "nhiều"}]').replace('level: strategic', 'level: tactical');
    const { doc, issues } = parseKpiFile(text);
    expect(doc).toBeNull();
    expect(issues.map((i) => [i.path, i.row, i.message.en])).toEqual([
      // "company: {name: Công ty Thử, timezone: Asia/Ho_Chi_Minh, " is 82 characters: the value starts at 83
      ['company.fiscal_year_start_month', 2, 'Line 2:83: "fiscal_year_start_month" must be a number (got "một")'],
      ['units[1].name', 5, 'Line 5:5: "name" is required'],
      // REV takes lines 12–27, CHILD starts on 28 and its `parents` line is the 17th → 44; the weight value starts at column 35
      ['kpis[1].parents[0].weight', 44, 'Line 44:35: The weight must be a positive number (got nhiều)'],
    ]);
  });

  it('reports duplicate codes and e-mails in every section', () => {
    const text = ORG.replace('  - {code: SALES,', '  - {code: hq, name: Lặp}\n  - {code: SALES,')
      .replace('  - {code: rep, name: Nhân viên kinh doanh}', '  - {code: rep, name: A}\n  - {code: REP, name: B}')
      .replace('  - {email: an@example.vn, name: Nguyễn Văn An, unit: HQ}', '  - {email: an@example.vn, name: Nguyễn Văn An, unit: HQ}\n  - {email: AN@example.vn, name: An 2, unit: HQ}') +
      kpi('REV') + kpi('REV');
    expect(codes(text)).toEqual([
      'units[1].code UNIT_CODE_DUPLICATE @5',
      'positions[1].code POSITION_CODE_DUPLICATE @9',
      'people[1].email PERSON_EMAIL_DUPLICATE @12',
      // 11 + 3 added lines; the first REV takes lines 15–30, the second starts on 31
      'kpis[1].code KPI_CODE_DUPLICATE @31',
    ]);
  });

  it('reports a parent KPI that does not exist and a cycle in parents, with the cycle path', () => {
    const tactical = (code: string, parent: string) => kpi(code, `\n    parents: [{code: ${parent}, weight: 0.5}]`).replace('level: strategic', 'level: tactical');
    const { issues } = parseKpiFile(ORG + kpi('REV') + tactical('AA', 'BB') + tactical('BB', 'AA') + tactical('CC', 'NOPE'));
    expect(issues.map((i) => [i.path, i.code, i.message.vi])).toEqual([
      // the walk goes AA → BB and BB's link back to AA closes the loop: reported on BB (lines 45–61, parents on 61)
      ['kpis[2].parents[0].code', 'KPI_PARENT_CYCLE', expect.stringContaining('Dòng 61:22: Liên kết KPI cấp trên tạo thành vòng lặp: AA → BB → AA')],
      ['kpis[3].parents[0].code', 'KPI_PARENT_NOT_FOUND', expect.stringContaining('KPI cấp trên NOPE không tồn tại')],
    ]);
  });

  it('reports formulas with syntax errors or unknown KPI references', () => {
    const formula = (code: string, f: string) => kpi(code, '').replace('source: manual', `source: formula\n    formula: "${f}"`);
    const { issues } = parseKpiFile(ORG + kpi('REV') + formula('GP', '[REV] - [COGS]') + formula('BAD', '[REV] * (2'));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['kpis[1].formula', 'FORMULA_UNKNOWN_KPI'],
      ['kpis[2].formula', 'FORMULA_MISSING_CLOSING_PAREN'],
    ]);
    expect(issues[0]!.message.en).toContain('Formula of KPI GP: There is no KPI with code [COGS] at line 1, column 9');
  });

  it('reports people, units and managers that do not exist, owners outside the people list, and unit cycles', () => {
    const text = ORG.replace('parent: HQ}', 'parent: LOOP}\n  - {code: LOOP, name: Vòng, parent: SALES}')
      .replace('position: rep, manager: an@example.vn', 'position: boss, manager: ghost@example.vn') +
      kpi('REV').replace('owner: an@example.vn', 'owner: nobody@example.vn');
    expect(codes(text)).toEqual([
      'units[1].parent UNIT_PARENT_CYCLE @5',
      // one unit line added: the second person is on line 11, the KPI starts on 13 and its owner is on 23
      'people[1].position PERSON_POSITION_NOT_FOUND @11',
      'people[1].manager PERSON_MANAGER_NOT_FOUND @11',
      'kpis[0].owner KPI_OWNER_NOT_FOUND @23',
    ]);
    // an owner who exists only in the database is fine when the caller knows about them
    const known = { people: [{ email: 'nobody@example.vn', manager: null }] };
    expect(parseKpiFile(ORG + kpi('REV').replace('owner: an@example.vn', 'owner: nobody@example.vn'), known).issues).toEqual([]);
  });

  it('reports YAML syntax errors with their line and nothing else', () => {
    const { doc, issues } = parseKpiFile('version: 1\nunits: [{code: A, name: B}\npeople: []\n');
    expect(doc).toBeNull();
    expect(issues[0]).toMatchObject({ code: 'KPI_FILE_SYNTAX', row: 3 });
    expect(issues[0]!.message.en).toMatch(/^Line 3:1: YAML syntax error: /);
  });

  it('needs version 1 and nothing else', () => {
    expect(parseKpiFile('version: 1\n')).toEqual({ doc: { version: 1 }, issues: [] });
    expect(codes('version: 2\n')).toEqual(['version KPI_FILE_VERSION @1']);
    expect(codes('units: []\n')).toEqual(['version KPI_FILE_REQUIRED @1']);
  });
});

describe('lintKpiFile', () => {
  it('blocks an active KPI with a SMART error but only lists the findings of a draft', () => {
    const noOwner = kpi('REV').replace('    owner: an@example.vn\n', '');
    const active = lintKpiFile(ORG + noOwner);
    expect(active.ok).toBe(false);
    expect(active.smartErrors.map((i) => [i.path, i.code])).toEqual([['kpis[0]', 'SMART_A_OWNER_MISSING']]);
    const draft = lintKpiFile(ORG + noOwner.replace('status: active', 'status: draft'));
    expect(draft.ok).toBe(true);
    expect(draft.kpis[0]!.findings.map((f) => f.code)).toEqual(['SMART_A_OWNER_MISSING']);
  });

  it('the complete example of docs/kpi-as-code.md has no errors and no SMART findings', () => {
    const docs = readFileSync(new URL('../../../docs/kpi-as-code.md', import.meta.url), 'utf8');
    const example = docs.split('```yaml\n')[1]!.split('```')[0]!;
    const result = lintKpiFile(example);
    expect(result.issues).toEqual([]);
    expect(result.kpis.map((k) => [k.code, k.findings.length])).toEqual([['REVENUE', 0], ['ORDERS', 0], ['AOV', 0], ['DSO', 0]]);
    expect(result.doc!.kpis![3]!.scoring).toMatchObject({ method: { kind: 'bands' }, floor: 0.2, cap: 1.1 });
  });

  it('the demo company file has no errors and no SMART findings', () => {
    const result = lintKpiFile(DEMO);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.kpis.flatMap((k) => k.findings.map((f) => `${k.code} ${f.code}`))).toEqual([]);
    expect(result.doc!.people).toHaveLength(40);
  });

  it('demo targets: the months of every sum KPI add up to its year', () => {
    const doc = lintKpiFile(DEMO).doc!;
    const sums = doc.kpis!.filter((k) => k.aggregation === 'sum' && k.targets.some((t) => t.period.includes('-')));
    for (const k of sums) {
      const year = k.targets.find((t) => t.period === '2026')!.value;
      const parts = k.targets.filter((t) => t.period !== '2026').reduce((s, t) => s + t.value, 0);
      expect([k.code, parts]).toEqual([k.code, year]);
    }
    // revenue: 12 × 20 tỷ = 240 tỷ
    expect(doc.kpis!.find((k) => k.code === 'REVENUE')!.targets.filter((t) => t.period.startsWith('2026-'))).toHaveLength(12);
  });
});
