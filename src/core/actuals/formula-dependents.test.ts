import { describe, expect, it } from 'vitest';
import { formulaDependents } from './formula-dependents';

describe('formulaDependents', () => {
  const graph = { PROFIT: ['REV', 'COST'], MARGIN: ['PROFIT', 'REV'], AOV: ['REV', 'ORDERS'], OTHER: ['LEADS'] };

  it('follows dependencies through computed KPIs', () => {
    expect([...formulaDependents(graph, ['COST'])].sort()).toEqual(['MARGIN', 'PROFIT']);
    expect([...formulaDependents(graph, ['REV'])].sort()).toEqual(['AOV', 'MARGIN', 'PROFIT']);
    expect([...formulaDependents(graph, ['NOTHING'])]).toEqual([]);
  });
});
