import { describe, expect, it } from 'vitest';
import type { KpiDefinition } from '../kpi';
import { checkSmart, hasBlockingFindings, smartSummary } from './check';
import type { Finding, SmartContext } from './types';

const people = [
  { ref: 'lan@example.vn', active: true },
  { ref: 'ketoan@example.vn', active: true },
  { ref: 'old@example.vn', active: false },
];
const context: SmartContext = { people, knownKpiCodes: ['REVENUE', 'REVENUE_HN'] };

/** A KPI that passes every rule. */
function goodKpi(overrides: Partial<KpiDefinition> = {}): KpiDefinition {
  return {
    code: 'REVENUE_HN',
    name: 'Doanh thu thuần chi nhánh Hà Nội',
    nameEn: 'Net revenue, Hanoi branch',
    description: 'Doanh thu đã xuất hóa đơn của chi nhánh Hà Nội, sau chiết khấu và hàng trả lại',
    level: 'tactical',
    perspective: 'financial',
    unit: 'VND',
    direction: 'increase',
    aggregation: 'sum',
    frequency: 'monthly',
    source: 'import',
    owner: 'lan@example.vn',
    measurer: 'ketoan@example.vn',
    reportWithinDays: 5,
    // 180e9 × 31/365 = 15,287,671,232.88 for January; 18e9 is +17.7 %: believable and not yet reached.
    baseline: { period: '2025', value: 180e9 },
    parents: [{ code: 'REVENUE', weight: 0.6 }],
    tags: [],
    status: 'draft',
    targets: [{ period: '2026-01', value: 18e9 }],
    ...overrides,
  };
}

const codes = (findings: Finding[]): string[] => findings.map((f) => f.code);
const only = (findings: Finding[], letter: Finding['letter']): Finding[] => findings.filter((f) => f.letter === letter);

describe('a good KPI', () => {
  it('has no findings', () => {
    expect(checkSmart(goodKpi(), context)).toEqual([]);
    expect(smartSummary([])).toEqual({ S: 'ok', M: 'ok', A: 'ok', R: 'ok', T: 'ok', ALIGN: 'ok' });
  });
});

describe('S — specific', () => {
  it('requires a name', () => {
    const f = checkSmart(goodKpi({ name: ' ' }), context);
    expect(f).toMatchObject([{ letter: 'S', code: 'SMART_S_NAME_MISSING', severity: 'error' }]);
  });

  it('warns about a name that is too short', () => {
    expect(codes(checkSmart(goodKpi({ name: 'NPS' }), context))).toEqual(['SMART_S_NAME_TOO_SHORT']);
    expect(checkSmart(goodKpi({ name: 'Doanh thu' }), context)).toEqual([]);
  });

  it('flags a vague verb with no measure and suggests a concrete KPI', () => {
    const [f, ...rest] = checkSmart(goodKpi({ name: 'Nâng cao chất lượng dịch vụ' }), context);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ letter: 'S', code: 'SMART_S_VAGUE_NAME', severity: 'warning' });
    expect(f?.message.vi).toBe('Tên "Nâng cao chất lượng dịch vụ" dùng từ chung chung "nâng cao" mà không nêu đại lượng đo');
    expect(f?.suggestion.vi).toBe("Thay 'Nâng cao chất lượng dịch vụ' bằng 'Điểm CSAT trung bình ≥ 4,5/5 mỗi tháng'");
    expect(f?.suggestion.en).toBe("Replace 'Nâng cao chất lượng dịch vụ' with 'Average CSAT score ≥ 4.5/5 each month'");
  });

  it.each([
    ['nang cao chat luong dich vu', 'nâng cao'],
    ['NÂNG CAO CHẤT LƯỢNG DỊCH VỤ', 'nâng cao'],
    ['Đẩy mạnh bán hàng online', 'đẩy mạnh'],
    ['Tang cuong dao tao nhan vien', 'tăng cường'],
    ['Cải thiện sản phẩm', 'cải thiện'],
    ['Improve customer service', 'improve'],
    ['Increase', 'increase'],
    ['Better teamwork', 'better'],
  ])('flags %j as vague (%s)', (name, word) => {
    const f = checkSmart(goodKpi({ name }), context);
    expect(codes(f)).toEqual(['SMART_S_VAGUE_NAME']);
    expect(f[0]?.message.vi).toContain(`"${word}"`);
  });

  it.each(['Tăng doanh thu bán lẻ', 'Giảm tỷ lệ sản phẩm lỗi', 'Improve closing rate', 'Nâng cao CSAT lên 4,5', 'Sửa chữa tầng hầm kho'])(
    'accepts %j (it names a measure, a number, or no vague verb)',
    (name) => {
      expect(only(checkSmart(goodKpi({ name }), context), 'S')).toEqual([]);
    },
  );

  it('picks the suggestion by topic', () => {
    const f = checkSmart(goodKpi({ name: 'Đẩy mạnh bán hàng online' }), context);
    expect(f[0]?.suggestion.vi).toBe("Thay 'Đẩy mạnh bán hàng online' bằng 'Tỷ lệ chốt đơn ≥ 25% mỗi tháng'");
  });

  it('asks for a definition of what is counted', () => {
    expect(checkSmart(goodKpi({ description: undefined }), context)).toMatchObject([
      { letter: 'S', code: 'SMART_S_DEFINITION_MISSING', severity: 'warning' },
    ]);
    expect(codes(checkSmart(goodKpi({ description: 'Doanh thu' }), context))).toEqual(['SMART_S_DEFINITION_MISSING']);
  });
});

describe('M — measurable', () => {
  it('requires a unit and a data source', () => {
    expect(checkSmart(goodKpi({ unit: null, source: null }), context)).toMatchObject([
      { letter: 'M', code: 'SMART_M_UNIT_MISSING', severity: 'error' },
      { letter: 'M', code: 'SMART_M_SOURCE_MISSING', severity: 'error' },
    ]);
  });

  it('requires a formula when computed, and checks it with the injected checker', () => {
    expect(codes(checkSmart(goodKpi({ source: 'formula', formula: null }), context))).toEqual(['SMART_M_FORMULA_MISSING']);
    const formulaValid = (f: string) =>
      f.includes('REVNUE') ? [{ path: 'formula', code: 'FORMULA_UNKNOWN_KPI', message: { vi: 'Không có KPI REVNUE', en: 'No KPI REVNUE' } }] : null;
    const bad = checkSmart(goodKpi({ source: 'formula', formula: 'REVNUE * 0.6' }), { ...context, formulaValid });
    expect(bad).toMatchObject([{ code: 'SMART_M_FORMULA_INVALID', severity: 'error' }]);
    expect(bad[0]?.message.en).toBe('The formula "REVNUE * 0.6" is invalid: No KPI REVNUE');
    expect(bad[0]?.message.vi).toBe('Công thức "REVNUE * 0.6" không hợp lệ: Không có KPI REVNUE');
    expect(checkSmart(goodKpi({ source: 'formula', formula: 'REVENUE * 0.6' }), { ...context, formulaValid })).toEqual([]);
    // Without a checker the formula is not judged.
    expect(checkSmart(goodKpi({ source: 'formula', formula: 'REVNUE * 0.6' }), context)).toEqual([]);
  });

  it('requires at least one numeric target', () => {
    const f = checkSmart(goodKpi({ targets: [{ period: '2026-01', value: Number.NaN }] }), context);
    expect(codes(f)).toEqual(['SMART_M_TARGET_MISSING']);
  });

  it('requires min and max for a range KPI', () => {
    const range = goodKpi({ direction: 'range', unit: '%', aggregation: 'ratio', baseline: null, targets: [{ period: '2026-01', value: 0.85 }] });
    expect(codes(only(checkSmart(range, context), 'M'))).toEqual(['SMART_M_TARGET_MISSING']);
    const ok = { ...range, targets: [{ period: '2026-01', value: 0.85, min: 0.75, max: 0.9 }] };
    expect(only(checkSmart(ok, context), 'M')).toEqual([]);
  });
});

describe('A — accountable', () => {
  it('requires an owner', () => {
    expect(checkSmart(goodKpi({ owner: null }), context)).toMatchObject([{ letter: 'A', code: 'SMART_A_OWNER_MISSING', severity: 'error' }]);
  });

  it('requires the owner to be a real, active person', () => {
    expect(codes(checkSmart(goodKpi({ owner: 'ghost@example.vn' }), context))).toEqual(['SMART_A_OWNER_UNKNOWN']);
    const inactive = checkSmart(goodKpi({ owner: 'old@example.vn' }), context);
    expect(inactive).toMatchObject([{ code: 'SMART_A_OWNER_INACTIVE', severity: 'error' }]);
    expect(inactive[0]?.message.vi).toBe('Người chịu trách nhiệm "old@example.vn" không còn hoạt động');
  });

  it('matches e-mail references regardless of case', () => {
    expect(checkSmart(goodKpi({ owner: 'Lan@Example.VN' }), context)).toEqual([]);
  });

  it('skips the directory check when no directory is given', () => {
    expect(checkSmart(goodKpi({ owner: 'ghost@example.vn' }), { knownKpiCodes: ['REVENUE'] })).toEqual([]);
  });

  it('asks for a measurer, and checks one when given', () => {
    expect(checkSmart(goodKpi({ measurer: null }), context)).toMatchObject([{ code: 'SMART_A_MEASURER_MISSING', severity: 'warning' }]);
    expect(codes(checkSmart(goodKpi({ measurer: 'old@example.vn' }), context))).toEqual(['SMART_A_MEASURER_INACTIVE']);
  });
});

describe('R — realistic', () => {
  it('scales a yearly baseline to a monthly target by days', () => {
    // 180e9 × 31/365 = 15,287,671,232.88; 20e9 / 15,287,671,232.88 = 1.3082 → +31 %, under the 50 % limit.
    expect(checkSmart(goodKpi({ targets: [{ period: '2026-01', value: 20e9 }] }), context)).toEqual([]);
    // 25e9 / 15,287,671,232.88 = 25 × 365 / (180 × 31) = 9125 / 5580 = 1.6353 → +64 %.
    const f = checkSmart(goodKpi({ targets: [{ period: '2026-01', value: 25e9 }] }), context);
    expect(f).toMatchObject([{ letter: 'R', code: 'SMART_R_TARGET_TOO_HIGH', severity: 'warning' }]);
    expect(f[0]?.message.vi).toBe(
      'Chỉ tiêu kỳ 2026-01 (25.000.000.000 ₫) cao hơn mức cơ sở quy đổi +64% ' +
        '(mức cơ sở 2025 là 180.000.000.000 ₫ × 31/365 ngày = 15.287.671.233 ₫); mức thay đổi hợp lý tối đa là +50%',
    );
    expect(f[0]?.message.en).toBe(
      'The target for 2026-01 (25,000,000,000 ₫) is +64% above the scaled baseline ' +
        '(baseline 2025 of 180,000,000,000 ₫ × 31/365 days = 15,287,671,233 ₫); the realistic limit is +50%',
    );
  });

  it('says by how much a target jumps over a same-length baseline', () => {
    // December and January both have 31 days: 20e9 / 12e9 = 1.6667 → +67 %.
    const f = checkSmart(goodKpi({ baseline: { period: '2025-12', value: 12e9 }, targets: [{ period: '2026-01', value: 20e9 }] }), context);
    expect(codes(f)).toEqual(['SMART_R_TARGET_TOO_HIGH']);
    expect(f[0]?.message.en).toContain('is +67% above the scaled baseline (baseline 2025-12 of 12,000,000,000 ₫)');
  });

  it('reports the worst of several periods once', () => {
    // Feb: 180e9 × 28/365 = 13,808,219,178; 24e9 / that = 1.738 → +74 %. Jan: 25e9 → +64 %.
    const f = checkSmart(
      goodKpi({ targets: [{ period: '2026-01', value: 25e9 }, { period: '2026-02', value: 24e9 }, { period: '2026-03', value: 16e9 }] }),
      context,
    );
    expect(codes(f)).toEqual(['SMART_R_TARGET_TOO_HIGH']);
    expect(f[0]?.message.en).toMatch(/^The target for 2026-02 .* is \+74% above .*\(and 1 other period\)$/);
  });

  it('warns when a decrease target falls below half of the baseline', () => {
    const cost = { direction: 'decrease' as const, baseline: { period: '2025-12', value: 2e9 } };
    // 0.8e9 / 2e9 = 0.4 → −60 %.
    const f = checkSmart(goodKpi({ ...cost, targets: [{ period: '2026-01', value: 0.8e9 }] }), context);
    expect(f).toMatchObject([{ code: 'SMART_R_TARGET_TOO_LOW', severity: 'warning' }]);
    expect(f[0]?.message.en).toContain('is -60% below the scaled baseline');
    // 1.2e9 / 2e9 = 0.6 → −40 %: fine.
    expect(checkSmart(goodKpi({ ...cost, targets: [{ period: '2026-01', value: 1.2e9 }] }), context)).toEqual([]);
  });

  it('warns when the baseline already reaches the target', () => {
    // 15e9 ≤ 15,287,671,232.88 (scaled January baseline)
    const up = checkSmart(goodKpi({ targets: [{ period: '2026-01', value: 15e9 }] }), context);
    expect(up).toMatchObject([{ code: 'SMART_R_ALREADY_REACHED', severity: 'warning' }]);
    const down = checkSmart(
      goodKpi({ direction: 'decrease', baseline: { period: '2025-12', value: 2e9 }, targets: [{ period: '2026-01', value: 2.1e9 }] }),
      context,
    );
    expect(codes(down)).toEqual(['SMART_R_ALREADY_REACHED']);
    expect(down[0]?.suggestion.en).toBe('Set the target below the baseline so the KPI drives improvement');
  });

  it('does not scale rates, averages or levels by days', () => {
    // A 90 % yearly rate vs a 95 % monthly target: +5.6 %. Scaling by 31/365 would wrongly give +1143 %.
    const rate = goodKpi({ unit: '%', aggregation: 'ratio', baseline: { period: '2025', value: 0.9 }, targets: [{ period: '2026-01', value: 0.95 }] });
    expect(checkSmart(rate, context)).toEqual([]);
  });

  it('uses the configured threshold', () => {
    // +31 % (see above) exceeds a 20 % limit.
    const f = checkSmart(goodKpi({ targets: [{ period: '2026-01', value: 20e9 }] }), { ...context, realisticJump: 0.2 });
    expect(codes(f)).toEqual(['SMART_R_TARGET_TOO_HIGH']);
    expect(f[0]?.message.en).toContain('+31%');
    expect(f[0]?.message.en).toContain('the realistic limit is +20%');
  });

  it('asks for a baseline', () => {
    expect(checkSmart(goodKpi({ baseline: null }), context)).toMatchObject([{ letter: 'R', code: 'SMART_R_BASELINE_MISSING', severity: 'warning' }]);
  });
});

describe('T — time-bound', () => {
  it('requires a frequency', () => {
    expect(checkSmart(goodKpi({ frequency: null }), context)).toMatchObject([{ letter: 'T', code: 'SMART_T_FREQUENCY_MISSING', severity: 'error' }]);
  });

  it('requires a target with a valid period', () => {
    const f = checkSmart(goodKpi({ targets: [{ period: '2026-13', value: 18e9 }] }), context);
    expect(codes(only(f, 'T'))).toEqual(['SMART_T_TARGET_PERIOD_INVALID', 'SMART_T_TARGET_PERIOD_MISSING']);
    expect(f.find((x) => x.code === 'SMART_T_TARGET_PERIOD_INVALID')?.message.vi).toBe('Kỳ của chỉ tiêu không hợp lệ: "2026-13"');
    // One bad period among good ones is still an error, but there is a dated target.
    const mixed = checkSmart(goodKpi({ targets: [{ period: '2026-01', value: 18e9 }, { period: '2026-W54', value: 1 }] }), context);
    expect(codes(only(mixed, 'T'))).toEqual(['SMART_T_TARGET_PERIOD_INVALID']);
  });

  it('reports a KPI with no targets under M and T', () => {
    expect(codes(checkSmart(goodKpi({ targets: [] }), context))).toEqual(['SMART_M_TARGET_MISSING', 'SMART_T_TARGET_PERIOD_MISSING']);
  });

  it('asks for a reporting deadline', () => {
    expect(checkSmart(goodKpi({ reportWithinDays: null }), context)).toMatchObject([{ code: 'SMART_T_DEADLINE_MISSING', severity: 'warning' }]);
    expect(checkSmart(goodKpi({ reportWithinDays: 0 }), context)).toEqual([]);
  });
});

describe('ALIGN', () => {
  it('asks a non-strategic KPI to link to a parent', () => {
    expect(checkSmart(goodKpi({ parents: [] }), context)).toMatchObject([{ letter: 'ALIGN', code: 'SMART_ALIGN_PARENT_MISSING', severity: 'warning' }]);
    // The message names no code: a draft being written has none yet.
    expect(checkSmart(goodKpi({ parents: [] }), context)[0]?.message).toEqual({ vi: 'KPI này chưa liên kết với KPI cấp trên nào', en: 'This KPI is not linked to any parent KPI' });
    expect(checkSmart(goodKpi({ parents: [], level: 'strategic' }), context)).toEqual([]);
  });

  it('requires parents to exist when the known codes are given', () => {
    const f = checkSmart(goodKpi({ parents: [{ code: 'PROFIT', weight: 1 }] }), context);
    expect(f).toMatchObject([{ code: 'SMART_ALIGN_PARENT_UNKNOWN', severity: 'error' }]);
    expect(f[0]?.message.en).toBe('Parent KPI does not exist: PROFIT');
    expect(checkSmart(goodKpi({ parents: [{ code: 'PROFIT', weight: 1 }] }), { people })).toEqual([]);
  });
});

describe('summary and blocking', () => {
  it('takes the worst finding of each letter', () => {
    const f = checkSmart(goodKpi({ name: 'NPS', owner: null, measurer: null, reportWithinDays: null, parents: [] }), context);
    expect(smartSummary(f)).toEqual({ S: 'warning', M: 'ok', A: 'error', R: 'ok', T: 'warning', ALIGN: 'warning' });
    expect(hasBlockingFindings(f)).toBe(true);
  });

  it('does not block on warnings alone', () => {
    const f = checkSmart(goodKpi({ measurer: null, baseline: null }), context);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    expect(hasBlockingFindings(f)).toBe(false);
  });
});

describe('messages', () => {
  it('exist in Vietnamese and English for every finding', () => {
    const everything = checkSmart(
      {
        ...goodKpi(),
        name: 'Nâng cao',
        description: '',
        unit: null,
        source: 'formula',
        formula: '',
        owner: 'old@example.vn',
        measurer: 'ghost@example.vn',
        frequency: null,
        reportWithinDays: null,
        parents: [],
        targets: [{ period: '2026-13', value: 1 }],
      },
      context,
    );
    expect(everything.length).toBeGreaterThanOrEqual(10);
    for (const f of everything) {
      for (const text of [f.message.vi, f.message.en, f.suggestion.vi, f.suggestion.en]) expect(text.trim().length, f.code).toBeGreaterThan(0);
      expect(f.message.vi, f.code).not.toBe(f.message.en);
      expect(f.suggestion.vi, f.code).not.toBe(f.suggestion.en);
    }
  });
});
