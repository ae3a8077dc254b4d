import { describe, expect, it } from 'vitest';
import { lettersNotJudged } from './pending';

describe('lettersNotJudged', () => {
  it('leaves R unjudged while no target has a number', () => {
    expect(lettersNotJudged({})).toEqual(['R']);
    expect(lettersNotJudged({ targets: [] })).toEqual(['R']);
    expect(lettersNotJudged({ targets: [{ value: null }, {}] })).toEqual(['R']);
  });
  it('judges every letter once a target has a number', () => {
    expect(lettersNotJudged({ targets: [{ value: null }, { value: 18_000_000_000 }] })).toEqual([]);
    expect(lettersNotJudged({ targets: [{ value: 0 }] })).toEqual([]);
  });
});
