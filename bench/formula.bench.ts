import { evaluate, parse, type FormulaNode } from '../src/core/formula';
import { close, measure, type Bench, type Measurement } from './harness';

type Values = Record<string, number>;
interface Case {
  text: string;
  /** The same arithmetic written as plain JavaScript: the baseline. */
  plain: (v: Values) => number;
}

const N = 100_000;

/** Deterministic pseudo-random numbers, so every run measures the same formulas. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function makeCases(n: number): Case[] {
  const rand = lcg(42);
  const pick = (digits: number) => Number((rand() * 10).toFixed(digits));
  const cases: Case[] = [];
  for (let i = 0; i < n; i++) {
    const k = pick(2);
    const target = Math.round(rand() * 500) * 1e9;
    switch (i % 8) {
      case 0:
        cases.push({ text: '([REV] - [COST]) / [REV]', plain: (v) => (v.REV! - v.COST!) / v.REV! });
        break;
      case 1:
        cases.push({ text: `([REV] - [COST] * ${k}) / [REV]`, plain: (v) => (v.REV! - v.COST! * k) / v.REV! });
        break;
      case 2:
        cases.push({ text: '[CLOSED] / [LEADS]', plain: (v) => v.CLOSED! / v.LEADS! });
        break;
      case 3:
        cases.push({
          text: 'if([LEADS] > 0, [CLOSED] / [LEADS], 0)',
          plain: (v) => (v.LEADS! > 0 ? v.CLOSED! / v.LEADS! : 0),
        });
        break;
      case 4:
        cases.push({
          text: `round([REV] / ${target + 1e9} * 100, 2)`,
          plain: (v) => Math.round((v.REV! / (target + 1e9)) * 100 * 100) / 100,
        });
        break;
      case 5:
        cases.push({ text: `min([REV] / ${target + 1e9}, 1.2)`, plain: (v) => Math.min(v.REV! / (target + 1e9), 1.2) });
        break;
      case 6:
        cases.push({
          text: `coalesce([RETURNING] / [CUSTOMERS], 0) - ${k} / 100`,
          plain: (v) => (v.CUSTOMERS === 0 ? 0 : v.RETURNING! / v.CUSTOMERS!) - k / 100,
        });
        break;
      default:
        cases.push({ text: '([REV] - [REV_LY]) / [REV_LY] * 100', plain: (v) => ((v.REV! - v.REV_LY!) / v.REV_LY!) * 100 });
    }
  }
  return cases;
}

function makeValues(n: number): Values[] {
  const rand = lcg(7);
  return Array.from({ length: n }, () => ({
    REV: Math.round(1e8 + rand() * 5e10),
    COST: Math.round(5e7 + rand() * 4e10),
    REV_LY: Math.round(1e8 + rand() * 5e10),
    CLOSED: Math.round(rand() * 50),
    LEADS: Math.round(rand() * 200),
    RETURNING: Math.round(rand() * 300),
    CUSTOMERS: Math.round(1 + rand() * 1000),
  }));
}

/** Our result and the plain function's for each case, compared to 1e-9 (both may be "no value": division by zero). */
function agrees(cases: Case[], asts: FormulaNode[], values: Values[]): boolean {
  for (let i = 0; i < cases.length; i++) {
    const v = values[i % values.length]!;
    const r = evaluate(asts[i]!, v);
    const plain = cases[i]!.plain(v);
    const ours = r.ok ? r.value : Number.NaN;
    if (!Number.isFinite(plain) && !r.ok) continue;
    if (!close(ours, plain)) return false;
  }
  return true;
}

const bench: Bench = {
  name: 'formula',
  async run(): Promise<Measurement[]> {
    const cases = makeCases(N);
    const values = makeValues(1_000);
    const asts: FormulaNode[] = cases.map((c) => {
      const r = parse(c.text, { context: 'kpi' });
      if (!r.ok) throw new Error(`${c.text}: ${r.errors[0]!.message.en}`);
      return r.ast;
    });
    const agree = agrees(cases, asts, values);
    let sink = 0;
    const keep = (r: ReturnType<typeof evaluate>) => {
      if (r.ok) sink += r.value;
    };

    const plain = await measure(N, (i) => {
      sink += cases[i]!.plain(values[i % 1_000]!);
    });
    const parseAndEvaluate = await measure(N, (i) => {
      const r = parse(cases[i]!.text);
      if (r.ok) keep(evaluate(r.ast, values[i % 1_000]!));
    });
    const evaluateOnly = await measure(N, (i) => keep(evaluate(asts[i]!, values[i % 1_000]!)));
    if (Number.isNaN(sink)) console.log('(sink)');

    const common = { engine: 'memory' as const, unit: 'formulas/s', baseline: 'plain JS function', baselineValue: plain, better: 'higher' as const, agree };
    return [
      { ...common, name: 'formula parse + evaluate', value: parseAndEvaluate, note: `${N.toLocaleString('en-US')} varied KPI formulas (8 shapes), each result equal to the plain function's to 1e-9` },
      { ...common, name: 'formula evaluate (pre-parsed)', value: evaluateOnly },
    ];
  },
};

export default bench;
