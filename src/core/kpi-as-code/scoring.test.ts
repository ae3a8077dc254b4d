import { describe, expect, it } from 'vitest';
import { formatPlan } from './format-plan';
import { lintKpiFile } from './lint';
import { checkKpiFile, parseKpiFile } from './parse';
import { kpiDiff, planChanges } from './plan';
import { toYaml } from './to-yaml';
import type { KpiFileKpi } from './types';

/** Draft KPIs (no SMART errors), one line per key: line numbers in the tests count on this layout. */
const head = (code: string, direction: string) => `
  - code: ${code}
    name: KPI ${code}
    level: strategic
    perspective: financial
    direction: ${direction}
    aggregation: sum`;

const issuesOf = (text: string) => parseKpiFile(text).issues.map((i) => `${i.path} ${i.code} @${i.row}:${i.column}`);

describe('scoring in a KPI-as-code file', () => {
  it('reads method, bands, floor, cap and status rules; defaults are dropped', () => {
    const text = `version: 1
kpis:${head('DSO', 'decrease')}
    scoring:
      method: bands
      bands:
        - {min: 0.8, score: 0.5}
        - {min: 0.9, score: 0.8}
        - {min: 1, score: 1}
      below: 0
      floor: 0.2
      cap: 1.2
      status_rules: [{min: 0.95, status: green}, {min: 0.85, status: amber}]
${head('COST', 'decrease').slice(1)}
    scoring: {method: ratio, floor: 0, cap: 1.2}
`;
    const { doc, issues } = parseKpiFile(text);
    expect(issues).toEqual([]);
    // below 0 and cap 1.2 are the defaults, so they are not kept
    expect(doc!.kpis![0]!.scoring).toEqual({
      method: { kind: 'bands', bands: [{ min: 0.8, score: 0.5 }, { min: 0.9, score: 0.8 }, { min: 1, score: 1 }] },
      floor: 0.2,
      statusRules: [{ min: 0.95, status: 'green' }, { min: 0.85, status: 'amber' }],
    });
    expect(doc!.kpis![1]!.scoring).toEqual({});
  });

  it('reads a fixed range and the tolerance of a range KPI', () => {
    const text = `version: 1
kpis:${head('TURNOVER', 'range')}
    scoring: {tolerance: 0.04}
${head('STOCK_DAYS', 'increase').slice(1)}
    scoring:
      method: range
      range: {min: 20, max: 30, tolerance: 5}
`;
    const { doc, issues } = parseKpiFile(text);
    expect(issues).toEqual([]);
    expect(doc!.kpis!.map((k) => k.scoring)).toEqual([{ tolerance: 0.04 }, { method: { kind: 'range', min: 20, max: 30, tolerance: 5 } }]);
  });

  it('reports an unknown method and non-finite numbers with their line and column', () => {
    // line 10 is `      method: steps` (value at column 15), line 11 `      cap: .inf` (column 12), line 19 `      floor: .nan` (column 14)
    const text = `version: 1
kpis:${head('A_COST', 'decrease')}
    scoring:
      method: steps
      cap: .inf
${head('B_COST', 'decrease').slice(1)}
    scoring:
      floor: .nan
`;
    expect(issuesOf(text)).toEqual([
      'kpis[0].scoring.method KPI_FILE_ENUM @10:15',
      'kpis[0].scoring.cap KPI_FILE_NOT_FINITE @11:12',
      'kpis[1].scoring.floor KPI_FILE_NOT_FINITE @19:14',
    ]);
    const lint = lintKpiFile(text);
    expect(lint.ok).toBe(false);
    expect(lint.issues[0]!.message.en).toBe('Line 10:15: Unknown method "steps"; use one of: ratio, progress, binary, range, bands');
    expect(lint.issues[1]!.message.vi).toBe('Dòng 11:12: "cap" phải là một số hữu hạn (nhận được .inf)');
  });

  it('reports a floor above the cap (the default cap too) and bands that do not ascend', () => {
    // line 10 `      floor: 1.5` (value at column 14); line 14 `        - {min: 0.8, score: 0.5}`: 0.8 at column 17;
    // line 22 `      floor: 0.9` (column 14)
    const text = `version: 1
kpis:${head('DSO', 'decrease')}
    scoring:
      floor: 1.5
      method: bands
      bands:
        - {min: 1, score: 1}
        - {min: 0.8, score: 0.5}
${head('COST', 'decrease').slice(1)}
    scoring:
      floor: 0.9
      cap: 0.8
`;
    expect(issuesOf(text)).toEqual([
      'kpis[0].scoring.floor SCORING_FLOOR_ABOVE_CAP @10:14',
      'kpis[0].scoring.bands[1].min SCORING_BANDS_NOT_ASCENDING @14:17',
      'kpis[1].scoring.floor SCORING_FLOOR_ABOVE_CAP @22:14',
    ]);
    const [floor, bands, second] = parseKpiFile(text).issues;
    expect(floor!.message.en).toBe('Line 10:14: The floor (1.5) is above the cap (the default) (1.2)');
    expect(bands!.message.en).toBe('Line 14:17: Bands must ascend by "min": band 2 (0.8) is not above band 1 (1)');
    expect(second!.message.vi).toBe('Dòng 22:14: Điểm sàn (0.9) lớn hơn điểm trần (0.8)');
  });

  it('reports keys that do not go with the method, a ratio method on a range KPI, unused tolerance, status rules out of order', () => {
    // line 9 `    scoring: {bands: [...` (the list at column 22); line 16 `    scoring: {method: ratio}` (the value at column 23);
    // line 24 `      tolerance: 0.1` (column 18); line 25: the second rule's 1 at column 55; line 32 like line 16
    const text = `version: 1
kpis:${head('A_KPI', 'increase')}
    scoring: {bands: [{min: 1, score: 1}], tolerance: 0.1}
${head('B_KPI', 'range').slice(1)}
    scoring: {method: ratio}
${head('C_KPI', 'increase').slice(1)}
    scoring:
      tolerance: 0.1
      status_rules: [{min: 0.8, status: amber}, {min: 1, status: green}]
${head('D_KPI', 'increase').slice(1)}
    scoring: {method: bands}
`;
    expect(issuesOf(text)).toEqual([
      'kpis[0].scoring.bands SCORING_BANDS_WITHOUT_METHOD @9:22',
      'kpis[1].scoring.method SCORING_METHOD_NOT_FOR_RANGE @16:23',
      'kpis[2].scoring.tolerance SCORING_TOLERANCE_UNUSED @24:18',
      'kpis[2].scoring.status_rules[1].min SCORING_STATUS_RULES_ORDER @25:55',
      'kpis[3].scoring.method SCORING_BANDS_REQUIRED @32:23',
    ]);
  });

  it('reports the rules it can still check next to a value it cannot read, in one pass', () => {
    // line 11 `      bands: [{min: 1, score: 1}, {min: 0.9, score: 0.8}]`: the second min at column 41; line 13 `      cap: .inf`
    const text = `version: 1
kpis:${head('DSO', 'decrease')}
    scoring:
      method: bands
      bands: [{min: 1, score: 1}, {min: 0.9, score: 0.8}]
      floor: 2
      cap: .inf
`;
    // floor 2 is not compared: the cap it would be compared with could not be read
    expect(issuesOf(text)).toEqual(['kpis[0].scoring.bands[1].min SCORING_BANDS_NOT_ASCENDING @11:41', 'kpis[0].scoring.cap KPI_FILE_NOT_FINITE @13:12']);
  });

  it('checks the scoring of a document built in code too (before applying)', () => {
    const doc = parseKpiFile(`version: 1\nkpis:${head('COST', 'decrease')}\n`).doc!;
    const bad = { ...doc, kpis: [{ ...doc.kpis![0]!, scoring: { floor: 2, cap: 1.5 } }] };
    expect(checkKpiFile(bad).map((i) => `${i.path} ${i.code}`)).toEqual(['kpis[0].scoring.floor SCORING_FLOOR_ABOVE_CAP']);
  });

  it('writes scoring after the targets, defaults omitted, and reads back the same', () => {
    const text = `version: 1
kpis:${head('DSO', 'decrease')}
    scoring:
      method: bands
      bands: [{min: 0.8, score: 0.5}, {min: 1, score: 1}]
      floor: 0
      cap: 1.1
      status_rules: [{min: 0.95, status: green}]
`;
    const doc = parseKpiFile(text).doc!;
    const out = toYaml(doc);
    expect(out).toContain(
      [
        '    status: draft',
        '    scoring:',
        '      method: bands',
        '      bands:',
        '        - {min: 0.8, score: 0.5}',
        '        - {min: 1, score: 1}',
        '      cap: 1.1',
        '      status_rules:',
        '        - {min: 0.95, status: green}',
        '',
      ].join('\n'),
    );
    const again = parseKpiFile(out);
    expect(again.issues).toEqual([]);
    expect(again.doc!.kpis).toEqual(doc.kpis);
    expect(toYaml(again.doc!)).toBe(out);
    // a KPI with only default scoring has no scoring section at all
    expect(toYaml(parseKpiFile(`version: 1\nkpis:${head('X_KPI', 'increase')}\n    scoring: {floor: 0}\n`).doc!)).not.toContain('scoring');
  });

  it('shows a change of scoring in the plan, field by field', () => {
    const before = parseKpiFile(`version: 1\nkpis:${head('DSO', 'decrease')}\n    scoring: {floor: 0.5}\n`).doc!;
    const k = before.kpis![0]!;
    const after: KpiFileKpi = { ...k, scoring: { method: { kind: 'bands', bands: [{ min: 0.9, score: 0.8 }, { min: 1, score: 1 }] }, floor: 0.5, cap: 1.1 } };
    expect(kpiDiff(k, after)).toEqual([
      { field: 'scoring.method', before: null, after: 'bands' },
      { field: 'scoring.bands', before: null, after: [{ min: 0.9, score: 0.8 }, { min: 1, score: 1 }] },
      { field: 'scoring.cap', before: null, after: 1.1 },
    ]);
    // the same settings written with their defaults are no change
    expect(kpiDiff(k, { ...k, scoring: { floor: 0.5, cap: 1.2, method: { kind: 'ratio' } } })).toEqual([]);
    // leaving scoring out of the file goes back to the defaults
    expect(kpiDiff(k, { ...k, scoring: undefined })).toEqual([{ field: 'scoring.floor', before: 0.5, after: null }]);
    expect(formatPlan(planChanges({ ...before, kpis: [after] }, before), 'en')).toBe(
      [
        '~ KPI DSO  KPI DSO',
        '    scoring.method: — → "bands"',
        '    scoring.bands: — → [≥ 0.9: 0.8, ≥ 1: 1]',
        '    scoring.cap: — → 1.1',
        '',
        'Plan: 0 to create, 1 to update, 0 to archive.',
        '',
      ].join('\n'),
    );
  });
});
