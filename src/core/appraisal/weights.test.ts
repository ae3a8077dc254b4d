import { describe, expect, it } from 'vitest';
import { exactTotal, weightIssues } from './weights';

const place = { path: 'groups', label: { vi: 'các nhóm', en: 'the groups' } };
const weights = (...ws: number[]) => ws.map((weight, i) => ({ code: `G${i + 1}`, weight }));

describe('weights total exactly 100 in decimal arithmetic', () => {
  it('accepts 33.33 + 33.33 + 33.34, 10.1 + 20.2 + 69.7 and 0.1 + 64.1 + 35.8 (a float sum gives 99.99999999999999)', () => {
    expect(0.1 + 64.1 + 35.8).not.toBe(100); // why a float sum cannot be used
    expect(weightIssues(place, weights(33.33, 33.33, 33.34))).toEqual([]);
    expect(weightIssues(place, weights(10.1, 20.2, 69.7))).toEqual([]);
    expect(weightIssues(place, weights(0.1, 64.1, 35.8))).toEqual([]);
    expect(weightIssues(place, weights(100, 0))).toEqual([]);
  });

  it('refuses 99.99 and 100.000000001 with the exact total', () => {
    const [issue] = weightIssues(place, weights(33.33, 33.33, 33.33));
    expect(issue).toMatchObject({ path: 'groups', code: 'APPRAISAL_WEIGHTS_TOTAL' });
    expect(issue!.message).toEqual({
      vi: 'Trọng số các nhóm cộng lại bằng 99,99, phải đúng bằng 100',
      en: 'The weights of the groups total 99.99; they must total exactly 100',
    });
    expect(exactTotal([99.999999999, 0.000000002])).toEqual({ ok: false, value: 100.000000001 });
  });

  it('refuses negative, infinite and non-numeric weights with their path (and no total then)', () => {
    const issues = weightIssues(place, [
      { code: 'A', weight: -5 },
      { code: 'B', weight: Number.POSITIVE_INFINITY },
      { code: 'C', weight: '105' },
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['groups.0.weight', 'APPRAISAL_WEIGHT_INVALID'],
      ['groups.1.weight', 'APPRAISAL_WEIGHT_INVALID'],
      ['groups.2.weight', 'APPRAISAL_WEIGHT_INVALID'],
    ]);
    expect(issues[2]!.message.vi).toBe('Trọng số của "C" phải là một số không âm (nhận được: 105)');
  });

  it('an empty list totals 0', () => {
    expect(exactTotal([])).toEqual({ ok: false, value: 0 });
  });
});
