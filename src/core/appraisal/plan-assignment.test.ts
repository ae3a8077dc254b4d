import { describe, expect, it } from 'vitest';
import { cycleDates } from './cycle-period';
import { bonusRuleInEffect } from './bonus-rule-in-effect';
import { planAssignment } from './plan-assignment';

describe('cycleDates', () => {
  it('turns each frequency’s key into its first and last day', () => {
    expect(cycleDates('yearly', '2026')).toEqual({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(cycleDates('half-yearly', '2026-H1')).toEqual({ startsOn: '2026-01-01', endsOn: '2026-06-30' });
    expect(cycleDates('half-yearly', '2026-H2')).toEqual({ startsOn: '2026-07-01', endsOn: '2026-12-31' });
    expect(cycleDates('quarterly', '2026-Q3')).toEqual({ startsOn: '2026-07-01', endsOn: '2026-09-30' });
    expect(cycleDates('monthly', '2028-02')).toEqual({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
  });

  it('refuses a key of another frequency at path period', () => {
    expect(cycleDates('monthly', '2026-Q3')).toMatchObject({ path: 'period', code: 'APPRAISAL_PERIOD_MISMATCH', message: { en: 'The period "2026-Q3" does not match the monthly frequency: use the form 2026-07' } });
    expect(cycleDates('yearly', '2026-H1')).toMatchObject({ code: 'APPRAISAL_PERIOD_MISMATCH' });
  });
});

describe('bonusRuleInEffect', () => {
  const rules = [{ effectiveFrom: '2026-01-01' }, { effectiveFrom: '2026-10-01' }, { effectiveFrom: '2025-01-01' }];
  it('picks the newest rule effective on or before the last day', () => {
    expect(bonusRuleInEffect(rules, '2026-09-30')).toBe(rules[0]);
    expect(bonusRuleInEffect(rules, '2026-10-01')).toBe(rules[1]);
    expect(bonusRuleInEffect(rules, '2024-12-31')).toBeNull();
  });
});

describe('planAssignment', () => {
  const q3 = { startsOn: '2026-07-01', endsOn: '2026-09-30' };
  it('creates for people without a sheet, skips an overlap with the reason, and never the actor themself', () => {
    const plan = planAssignment(
      [{ id: 1, positionId: 5 }, { id: 2, positionId: 5 }, { id: 3, positionId: 5 }],
      [{ id: 10, personId: 2, positionId: 5, startsOn: '2026-09-01', endsOn: '2026-09-30' }],
      q3,
      3,
    );
    expect(plan.create).toEqual([1]);
    expect(plan.cut).toEqual([]);
    expect(plan.skipped.map((s) => [s.personId, s.reason.en])).toEqual([
      [2, 'Already has a sheet from 01/09/2026 to 30/09/2026 overlapping these days.'],
      [3, 'You do not assign your own sheet: your manager does.'],
    ]);
  });

  it('ends the old sheet the day before when the person changed position, and only then', () => {
    const existing = [
      { id: 10, personId: 1, positionId: 5, startsOn: '2026-07-01', endsOn: '2026-09-30' },
      { id: 11, personId: 2, positionId: 5, startsOn: '2026-07-01', endsOn: '2026-09-30' },
    ];
    const plan = planAssignment([{ id: 1, positionId: 6 }, { id: 2, positionId: 5 }], existing, { startsOn: '2026-08-31', endsOn: '2026-09-30' }, null);
    expect(plan.cut).toEqual([{ id: 10, personId: 1, endsOn: '2026-08-30', before: '2026-09-30' }]);
    expect(plan.create).toEqual([1]);
    expect(plan.skipped.map((s) => s.personId)).toEqual([2]);
    // A new sheet from the cycle's first day cannot follow the old one: skipped, not cut.
    expect(planAssignment([{ id: 1, positionId: 6 }], existing, q3, null).skipped.map((s) => s.personId)).toEqual([1]);
  });
});
