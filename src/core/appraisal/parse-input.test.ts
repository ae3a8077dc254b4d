import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseAppraisalInput } from './parse-input';

const errorOf = (raw: unknown): DomainError => {
  try {
    parseAppraisalInput(raw);
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error('expected a DomainError');
};

const group = (items: unknown[], extra: Record<string, unknown> = {}) => ({ groups: [{ code: 'output', weight: 100, items, ...extra }] });

describe('reading a sheet file value', () => {
  it('reads KPI and rated items, and amounts as people type them', () => {
    const input = parseAppraisalInput({
      groups: [
        {
          code: 'output',
          weight: 100,
          items: [
            { code: 'REV', weight: 60, direction: 'increase', target: '1 tỷ', actual: '1,1 tỷ', cap: 1.2 },
            { code: 'ON_TIME', weight: 40, scale: 5, rating: null },
          ],
        },
      ],
      missing: 'zero',
      bonus: { base: '5 triệu', round: '1k', coefficients: 'score' },
    });
    expect(input).toEqual({
      groups: [
        {
          code: 'output',
          weight: 100,
          items: [
            { kind: 'kpi', code: 'REV', weight: 60, direction: 'increase', target: 1_000_000_000, actual: 1_100_000_000, cap: 1.2 },
            { kind: 'rated', code: 'ON_TIME', weight: 40, scale: 5, rating: null },
          ],
        },
      ],
      missing: 'zero',
      bonus: { base: 5_000_000, round: 1000, coefficients: 'score' },
    });
  });

  it('refuses unknown fields with their path', () => {
    const e = errorOf({ ...group([{ code: 'R', weight: 100, scale: 5, rating: 4, colour: 'red' }]), owner: 'me' });
    expect(e.code).toBe('APPRAISAL_UNKNOWN_FIELD');
    expect(e.issues.map((i) => i.path)).toEqual(['owner', 'groups.0.items.0.colour']);
    expect(e.issues[1]!.message.en).toBe('Item 1 of group "output": unknown field "colour" (use: code, weight, scale, rating)');
  });

  it('refuses hostile numbers: 1e308, Infinity, NaN strings, tiny values, a number given as text for a weight', () => {
    const e = errorOf(
      group([
        { code: 'A', weight: 1e308, direction: 'increase', target: 'NaN', actual: Number.POSITIVE_INFINITY },
        { code: 'B', weight: '50', direction: 'increase', target: 1e-320, actual: 1 },
      ]),
    );
    expect(e.code).toBe('APPRAISAL_NUMBER_INVALID');
    expect(e.issues.map((i) => i.path)).toEqual([
      'groups.0.items.0.weight',
      'groups.0.items.0.target',
      'groups.0.items.0.actual',
      'groups.0.items.1.weight',
      'groups.0.items.1.target',
    ]);
    expect(e.issues[1]!.message.vi).toBe(
      'Mục "A" của nhóm "output", trường "target" phải là một số hữu hạn, 0 hoặc có độ lớn từ 1e-9 đến 1e15 (ví dụ 5000000 hoặc "5 triệu") (nhận được: "NaN")',
    );
    expect(e.issues[0]!.message.en).toBe('Item "A" of group "output", field "weight" must be a finite number, 0 or of magnitude 1e-9 to 1e15 (got: 1e+308)');
  });

  it('an item needs direction or scale; choices are checked', () => {
    const e = errorOf({ ...group([{ code: 'X', weight: 100, target: 1, actual: 1 }, { code: 'Y', weight: 0, direction: 'up' }]), missing: 'skip' });
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      ['groups.0.items.0', 'APPRAISAL_ITEM_KIND'],
      ['groups.0.items.1.direction', 'APPRAISAL_CHOICE_INVALID'],
      ['missing', 'APPRAISAL_CHOICE_INVALID'],
    ]);
    expect(e.issues[0]!.message.en).toBe('Item "X" of group "output" needs "direction" (a KPI item) or "scale" (a rated item)');
  });

  it('refuses a sheet that is not an object, groups that are not a list, and a bad coefficient table', () => {
    expect(errorOf('hello').localized.en).toBe('Sheet must be an object (got: "hello")');
    expect(errorOf({ groups: 'all' }).issues[0]!.path).toBe('groups');
    expect(errorOf({ groups: [], bonus: { base: 1, coefficients: [1, 2] } }).issues[0]!.path).toBe('bonus.coefficients');
  });
});
