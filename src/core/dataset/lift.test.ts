import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { awarenessLift } from './lift';
import { sampleSizePerGroup } from './sample-size';

describe('awareness lift', () => {
  it('the worked example: 120/400 before, 152/400 after', () => {
    const r = awarenessLift({ aware: 120, asked: 400 }, { aware: 152, asked: 400 });
    // p1 = 0.30, p2 = 0.38, lift = 0.08, relative = 0.08 / 0.30 = 0.2667
    expect(r.before).toBe(0.3);
    expect(r.after).toBe(0.38);
    expect(r.lift).toBe(0.08);
    expect(r.relative).toBeCloseTo(0.26666666666666666, 14);
    // pooled p = 272/800 = 0.34; SE = √(0.34·0.66·(2/400)) = 0.0334963; z = 0.08 / 0.0334963 = 2.38833
    expect(r.z).toBeCloseTo(2.388325736106129, 12);
    expect(r.p).toBeCloseTo(0.01692533300395737, 12);
    // Wald SE = √(0.21/400 + 0.2356/400) = 0.0333766; ± 1.959964 × SE
    expect(r.ci[0]).toBeCloseTo(0.014582990543336116, 12);
    expect(r.ci[1]).toBeCloseTo(0.14541700945666391, 12);
    expect(r.significant).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.message.en).toBe('Awareness rose by 8 percentage points, significant at 95% confidence.');
    expect(r.message.vi).toBe('Mức độ nhận biết tăng 8 điểm phần trăm, có ý nghĩa thống kê ở độ tin cậy 95%.');
    expect(r.sampleSizeToDetect).toBe(550); // 549.22 rounded up
  });

  it('a difference that is not significant says so and how many to ask next time', () => {
    // 60/200 → 68/200: lift 0.04, pooled 128/400 = 0.32, z = 0.04 / √(0.32·0.68·0.01) = 0.8575, p = 0.3912
    const r = awarenessLift({ aware: 60, asked: 200 }, { aware: 68, asked: 200 });
    expect(r.lift).toBe(0.04);
    expect(r.z).toBeCloseTo(0.857492925712545, 12);
    expect(r.p).toBeCloseTo(0.3911725228101391, 12);
    expect(r.ci[0]).toBeCloseTo(-0.051343574259756386, 12);
    expect(r.ci[1]).toBeCloseTo(0.13134357425975646, 12);
    expect(r.significant).toBe(false);
    expect(r.message.en).toContain('is NOT significant at 95% confidence');
    expect(r.message.vi).toContain('KHÔNG có ý nghĩa thống kê');
    expect(r.message.en).toContain(`ask about ${r.sampleSizeToDetect!.toLocaleString('en-US')} people per survey`);
  });

  it('warns below 100 answers per survey and honours the confidence level', () => {
    const r = awarenessLift({ aware: 30, asked: 80 }, { aware: 60, asked: 120 }, 0.9);
    expect(r.warnings.map((w) => w.code)).toEqual(['SMALL_SAMPLE']);
    expect(r.warnings[0]!.message.en).toContain('with 80 the result is only a rough guide');
    // 90%: z critical 1.644854; lift = 0.5 − 0.375 = 0.125; Wald SE = √(0.234375/80 + 0.25/120) = 0.070772
    expect(r.ci[0]).toBeCloseTo(0.125 - 1.6448536269514722 * Math.sqrt(0.234375 / 80 + 0.25 / 120), 12);
  });

  it('no one aware in either survey: no lift, p = 1, no relative change', () => {
    const r = awarenessLift({ aware: 0, asked: 150 }, { aware: 0, asked: 150 });
    expect(r).toMatchObject({ lift: 0, z: 0, p: 1, relative: null, significant: false, sampleSizeToDetect: null });
  });

  it('refuses impossible counts with a field path', () => {
    const bad = () => awarenessLift({ aware: 500, asked: 400 }, { aware: 1.5, asked: 0 }, 2);
    expect(bad).toThrow(DomainError);
    try {
      bad();
    } catch (e) {
      const error = e as DomainError;
      expect(error.code).toBe('LIFT_INVALID');
      expect(error.issues.map((i) => `${i.path}:${i.code}`)).toEqual(['before.aware:INVALID_AWARE', 'after.asked:INVALID_SAMPLE', 'confidence:INVALID_CONFIDENCE']);
    }
  });
});

describe('sample size per survey', () => {
  it('0.20 → 0.30 at power 0.8, α 0.05 needs 294 per survey', () => {
    // (1.959964·√(2·0.25·0.75) + 0.841621·√(0.16 + 0.21))² / 0.1² = (1.200227 + 0.511937)² / 0.01 = 293.15
    expect(sampleSizePerGroup({ baseline: 0.2, lift: 0.1 })).toBe(294);
    expect(sampleSizePerGroup({ baseline: 0.3, lift: 0.05 })).toBe(1377); // 1376.30
    expect(sampleSizePerGroup({ baseline: 0.3, lift: -0.1 })).toBe(sampleSizePerGroup({ baseline: 0.2, lift: 0.1 }));
  });

  it('refuses a lift that leaves (0, 1) and a zero lift', () => {
    expect(() => sampleSizePerGroup({ baseline: 0.95, lift: 0.1 })).toThrow(expect.objectContaining({ code: 'SAMPLE_SIZE_INVALID' }));
    expect(() => sampleSizePerGroup({ baseline: 0.5, lift: 0 })).toThrow(expect.objectContaining({ code: 'SAMPLE_SIZE_INVALID' }));
  });
});
