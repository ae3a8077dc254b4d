import { describe, expect, it } from 'vitest';
import { cyclesThrough, evaluationOrder, findCycle } from './graph';

describe('findCycle', () => {
  it('returns the cycle as a path that ends where it starts', () => {
    expect(findCycle({ A: ['B'], B: ['C'], C: ['A'] })).toEqual(['A', 'B', 'C', 'A']);
  });

  it('finds a cycle that does not include the first code', () => {
    // MARGIN → PROFIT → COST → PROFIT: the cycle is PROFIT ⇄ COST.
    expect(findCycle({ MARGIN: ['PROFIT', 'REV'], PROFIT: ['REV', 'COST'], COST: ['PROFIT'] })).toEqual(['PROFIT', 'COST', 'PROFIT']);
  });

  it('reports a self-reference', () => {
    expect(findCycle({ A: ['A'] })).toEqual(['A', 'A']);
  });

  it('returns null for a graph without cycles, including diamonds and unknown leaves', () => {
    expect(findCycle({ A: ['B', 'C'], B: ['D'], C: ['D'], D: ['REV'] })).toBeNull();
    expect(findCycle({})).toBeNull();
  });

  it('handles long chains without recursion', () => {
    const graph: Record<string, string[]> = {};
    for (let i = 0; i < 50_000; i++) graph[`K${i}`] = [`K${i + 1}`];
    expect(findCycle(graph)).toBeNull();
    graph.K50000 = ['K0'];
    expect(findCycle(graph)?.length).toBe(50_002);
  });
});

describe('cyclesThrough and evaluationOrder', () => {
  it('gives each code on a cycle its own shortest cycle', () => {
    const cycles = cyclesThrough({ A: ['B'], B: ['C', 'A'], C: ['A'], D: ['A'] });
    expect(cycles.get('A')).toEqual(['A', 'B', 'A']);
    expect(cycles.get('B')).toEqual(['B', 'A', 'B']);
    expect(cycles.get('C')).toEqual(['C', 'A', 'B', 'C']);
    expect(cycles.has('D')).toBe(false);
  });

  it('orders dependencies first', () => {
    const order = evaluationOrder({ MARGIN: ['PROFIT', 'REV'], PROFIT: ['REV', 'COST'] })!;
    expect(order.indexOf('PROFIT')).toBeLessThan(order.indexOf('MARGIN'));
    expect(order.indexOf('REV')).toBeLessThan(order.indexOf('PROFIT'));
    expect(evaluationOrder({ A: ['B'], B: ['A'] })).toBeNull();
  });
});
