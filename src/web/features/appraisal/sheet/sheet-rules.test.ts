import { describe, expect, it } from 'vitest';
import { overrideIssues, reviewNeedsComment, targetActions, targetDialogNeeds } from './sheet-rules';

const employee = { propose: false, agree: true };
const manager = { propose: true, agree: false };

describe('target steps offered', () => {
  it('lets the sheet person accept or counter a proposal, and nothing else', () => {
    expect(targetActions('proposed', employee)).toEqual(['accept', 'counter']);
    expect(targetActions('none', employee)).toEqual([]);
    expect(targetActions('countered', employee)).toEqual([]);
    expect(targetActions('agreed', employee)).toEqual([]);
  });

  it('lets the manager propose, accept a counter, revise and finalize', () => {
    expect(targetActions('none', manager)).toEqual(['propose', 'finalize']);
    expect(targetActions('proposed', manager)).toEqual(['revise', 'finalize']);
    expect(targetActions('countered', manager)).toEqual(['accept', 'revise', 'finalize']);
    // Editing an accepted target sends it back for agreement.
    expect(targetActions('agreed', manager)).toEqual(['revise', 'finalize']);
    expect(targetActions('finalized', manager)).toEqual(['revise', 'finalize']);
  });

  it('offers nothing to a reader', () => {
    expect(targetActions('proposed', { propose: false, agree: false })).toEqual([]);
  });

  it('asks for a value and a reason where the server requires them', () => {
    expect(targetDialogNeeds('counter', 500)).toEqual({ value: 'required', reason: true });
    expect(targetDialogNeeds('finalize', 500)).toEqual({ value: 'optional', reason: true });
    expect(targetDialogNeeds('finalize', null)).toEqual({ value: 'required', reason: true });
    expect(targetDialogNeeds('propose', null)).toEqual({ value: 'required', reason: false });
    expect(targetDialogNeeds('accept', 500)).toEqual({ value: 'none', reason: false });
  });
});

describe('manager review comment', () => {
  it('is required only where the rating differs from the self rating', () => {
    expect(reviewNeedsComment(4, 5, '')).toBe(true);
    expect(reviewNeedsComment(4, 5, '   ')).toBe(true);
    expect(reviewNeedsComment(4, 5, 'Chậm hai báo cáo')).toBe(false);
    expect(reviewNeedsComment(4, 4, '')).toBe(false);
    expect(reviewNeedsComment(null, 5, '')).toBe(false);
    expect(reviewNeedsComment(3, null, '')).toBe(false);
  });
});

describe('override weights', () => {
  it('accepts decimal totals of exactly 100 at each level', () => {
    const groups = [
      { code: 'output', weight: 33.33 },
      { code: 'behavior', weight: 33.33 },
      { code: 'competency', weight: 33.34 },
    ];
    const items = [
      { group: 'output', code: 'REV', weight: 10.1 },
      { group: 'output', code: 'NEW', weight: 20.2 },
      { group: 'output', code: 'X', weight: 69.7 },
      { group: 'behavior', code: 'ON_TIME', weight: 100 },
      { group: 'competency', code: 'PRODUCT', weight: 100 },
    ];
    expect(overrideIssues(groups, items)).toEqual([]);
  });

  it('names the level and its real total when it is not 100', () => {
    const issues = overrideIssues(
      [
        { code: 'output', weight: 60 },
        { code: 'behavior', weight: 39.99 },
      ],
      [
        { group: 'output', code: 'REV', weight: 70 },
        { group: 'output', code: 'EXTRA', weight: 40 },
        { group: 'behavior', code: 'ON_TIME', weight: 100 },
      ],
    );
    expect(issues.map((i) => i.path)).toEqual(['groups', 'items.output']);
    expect(issues[0]!.message.vi).toContain('99,99');
    expect(issues[1]!.message.en).toContain('110');
  });

  it('refuses an empty weight', () => {
    const issues = overrideIssues([{ code: 'output', weight: 100 }], [{ group: 'output', code: 'REV', weight: null }]);
    expect(issues.map((i) => i.path)).toEqual(['items.output.0.weight']);
  });
});
