import { describe, expect, it } from 'vitest';
import { valueParts } from './value-parts';

describe('valueParts', () => {
  it('computes a ratio from numerator and denominator', () => {
    // 45 / 60 = 0.75
    expect(valueParts('ratio', { numerator: 45, denominator: 60 })).toEqual({ ok: true, value: 0.75, numerator: 45, denominator: 60 });
  });

  it('requires both parts of a ratio and a positive denominator, with field paths', () => {
    const missing = valueParts('ratio', { numerator: 45, value: 0.75 }, 'actuals.2.');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues.map((i) => [i.path, i.code])).toEqual([['actuals.2.denominator', 'required']]);
    const zero = valueParts('ratio', { numerator: 1, denominator: 0 });
    if (!zero.ok) expect(zero.issues.map((i) => [i.path, i.code])).toEqual([['denominator', 'not_positive']]);
    else expect.fail('zero denominator accepted');
  });

  it('requires a value for other KPIs and refuses ratio parts', () => {
    expect(valueParts('sum', { value: 12 })).toEqual({ ok: true, value: 12, numerator: null, denominator: null });
    const none = valueParts('sum', {});
    if (!none.ok) expect(none.issues[0]?.path).toBe('value');
    else expect.fail('missing value accepted');
    const parts = valueParts('avg', { value: 1, numerator: 1, denominator: 2 });
    if (!parts.ok) expect(parts.issues.map((i) => i.code)).toEqual(['not_ratio']);
    else expect.fail('parts accepted');
    expect(valueParts('sum', { value: Number.NaN }).ok).toBe(false);
  });
});
