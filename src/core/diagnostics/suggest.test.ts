import { describe, expect, it } from 'vitest';
import { suggestReasons, type MissFacts } from './suggest';

const clean: MissFacts = { smartFindings: [], agreementStates: [], late: false, missing: false, target: 100, lastYearActual: 80 };

describe('suggested miss reasons', () => {
  it('suggests nothing when the data show nothing', () => {
    expect(suggestReasons(clean)).toEqual([]);
  });

  it('SMART findings → unclear_goal, naming them', () => {
    const s = suggestReasons({ ...clean, smartFindings: ['S_VAGUE_VERB', 'M_NO_UNIT'] });
    expect(s.map((x) => x.reason)).toEqual(['unclear_goal']);
    expect(s[0]!.why.en).toBe('The KPI has 2 SMART finding(s) (S_VAGUE_VERB, M_NO_UNIT).');
  });

  it('an item not agreed → no_agreement; agreed and finalized items count as agreed', () => {
    expect(suggestReasons({ ...clean, agreementStates: ['agreed', 'finalized'] })).toEqual([]);
    const s = suggestReasons({ ...clean, agreementStates: ['agreed', 'proposed', 'none'] });
    expect(s.map((x) => x.reason)).toEqual(['no_agreement']);
    expect(s[0]!.why.vi).toBe('2/3 phiếu đánh giá mang KPI này chưa thống nhất chỉ tiêu.');
  });

  it('late or missing values → not_measured_on_time (once)', () => {
    expect(suggestReasons({ ...clean, late: true }).map((x) => x.reason)).toEqual(['not_measured_on_time']);
    const missing = suggestReasons({ ...clean, missing: true, late: true });
    expect(missing).toHaveLength(1);
    expect(missing[0]!.why.en).toBe('No actual was reported for this period.');
  });

  it('target above 2× last year → unrealistic_target; exactly 2× is not', () => {
    expect(suggestReasons({ ...clean, target: 200, lastYearActual: 100 })).toEqual([]);
    const s = suggestReasons({ ...clean, target: 2_500_000, lastYearActual: 1_000_000 });
    expect(s.map((x) => x.reason)).toEqual(['unrealistic_target']);
    expect(s[0]!.why.vi).toBe('Chỉ tiêu 2.500.000 cao hơn 2 lần thực hiện cùng kỳ năm trước (1.000.000).');
    expect(suggestReasons({ ...clean, target: 500, lastYearActual: null })).toEqual([]);
    expect(suggestReasons({ ...clean, target: 500, lastYearActual: 0 })).toEqual([]);
  });
});
