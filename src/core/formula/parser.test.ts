import { describe, expect, it } from 'vitest';
import type { FormulaNode } from './ast';
import { parse, type ParseOptions } from './parser';

function ast(text: string, options?: ParseOptions): FormulaNode {
  const result = parse(text, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message.en).join('; '));
  return result.ast;
}

/** Prints the tree fully parenthesized, to show how the parser grouped it. */
function shape(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'kpi':
      return `[${node.code}]`;
    case 'column':
      return node.name;
    case 'unary':
      return `(${node.op === 'not' ? 'not ' : node.op}${shape(node.operand)})`;
    case 'binary':
      return `(${shape(node.left)} ${node.op} ${shape(node.right)})`;
    case 'call':
      return `${node.fn}(${node.args.map(shape).join(', ')})`;
    case 'aggregate':
      return `${node.fn}:${node.column ? node.column.name : '*'}${node.filter ? ` where ${shape(node.filter)}` : ''}`;
  }
}

function errors(text: string, options?: ParseOptions) {
  const result = parse(text, options);
  if (result.ok) throw new Error(`expected errors for ${text}`);
  return result.errors.map((e) => ({ code: e.code, line: e.line, column: e.column }));
}

describe('parse: grouping', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['10 - 4 - 3', '((10 - 4) - 3)'],
    ['12 / 3 / 2', '((12 / 3) / 2)'],
    ['2^3^2', '(2 ^ (3 ^ 2))'],
    ['-2^2', '(-(2 ^ 2))'],
    ['2^-1', '(2 ^ (-1))'],
    ['-[A] * [B]', '((-[A]) * [B])'],
    ['[A] + [B] > [C] * 2', '(([A] + [B]) > ([C] * 2))'],
    ['[A] > 1 and [B] < 2 or [C] = 3', '((([A] > 1) and ([B] < 2)) or ([C] = 3))'],
    ['not [A] > 1 and [B] > 1', '((not ([A] > 1)) and ([B] > 1))'],
    ['[A] <> [B]', '([A] != [B])'],
    ['[A] > 1 AND [B] > 1 Or NOT [C] > 1', '((([A] > 1) and ([B] > 1)) or (not ([C] > 1)))'],
  ])('%s groups as %s', (text, expected) => {
    expect(shape(ast(text))).toBe(expected);
  });

  it('reads numbers in every written form', () => {
    expect(shape(ast('240e9 + 1.5 + 0.25 + .5 + 2E-3 + 1e+2'))).toBe('(((((240000000000 + 1.5) + 0.25) + 0.5) + 0.002) + 100)');
  });

  it('reads strings with doubled quotes, and function names in any case', () => {
    expect(shape(ast('IF([A] > 0, "say ""hi""", "x") = "x"', { context: 'any' }))).toBe(
      '(if(([A] > 0), "say \\"hi\\"", "x") = "x")',
    );
    expect(shape(ast('Round(ABS([A]), 2)'))).toBe('round(abs([A]), 2)');
  });

  it('reads dataset measures with filters, and min/max of one column as aggregates', () => {
    expect(shape(ast('sum(profit) / sum(sales)'))).toBe('(sum:profit / sum:sales)');
    expect(shape(ast('sum(sales where region = "West" and discount > 0)'))).toBe(
      'sum:sales where ((region = "West") and (discount > 0))',
    );
    expect(shape(ast('count() + count(where is_paid) + count_distinct(order_id)'))).toBe(
      '((count:* + count:* where is_paid) + count_distinct:order_id)',
    );
    expect(shape(ast('count(*)'))).toBe('count:*');
    expect(shape(ast('min(price) + max(price where qty > 1) + min([A], [B]) + max(3)'))).toBe(
      '(((min:price + max:price where (qty > 1)) + min([A], [B])) + max(3))',
    );
  });

  it('gives each node its type', () => {
    expect(ast('[A] > 1').type).toBe('boolean');
    expect(ast('if([A] > 1, 2, 3)').type).toBe('number');
    expect(ast('coalesce("a", "b")').type).toBe('text');
  });
});

describe('parse: errors with positions', () => {
  it('points at the missing closing parenthesis', () => {
    const result = parse('min([A], [B]');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // "min([A], [B]" is 12 characters; the ')' is missing at column 13.
    expect(result.errors[0]).toMatchObject({ code: 'MISSING_CLOSING_PAREN', line: 1, column: 13 });
    expect(result.errors[0]!.message.vi).toBe("Thiếu dấu ',' hoặc dấu đóng ngoặc ')' tại dòng 1, cột 13");
    expect(result.errors[0]!.message.en).toBe("Missing ',' or closing ')' at line 1, column 13");
  });

  it.each([
    ['([REV] - [COST] / [REV]', 'MISSING_CLOSING_PAREN', 1, 24],
    ['[REV] - ', 'UNEXPECTED_END', 1, 9],
    ['[REV] -- * 2', 'UNEXPECTED_TOKEN', 1, 10],
    ['[REV] [COST]', 'UNEXPECTED_TOKEN', 1, 7],
    ['1 + 2)', 'UNEXPECTED_TOKEN', 1, 6],
    ['[REV] / \n  [cost]', 'INVALID_KPI_CODE', 2, 3],
    ['[REV\n]', 'UNTERMINATED_KPI_REF', 1, 1],
    ['sum(x where region = "West)', 'UNTERMINATED_STRING', 1, 22],
    ['1.2.3 + 1', 'INVALID_NUMBER', 1, 1],
    ['1e999', 'INVALID_NUMBER', 1, 1],
    ['[A] # 2', 'UNEXPECTED_CHARACTER', 1, 5],
    ['"đơn hàng" 😀 @', 'UNEXPECTED_CHARACTER', 1, 12],
    ['[A] == [B]', 'UNEXPECTED_TOKEN', 1, 6],
    ['1 < [A] < 3', 'CHAINED_COMPARISON', 1, 9],
    ['median([A])', 'UNKNOWN_FUNCTION', 1, 1],
    ['abs([A], [B])', 'WRONG_ARGUMENT_COUNT', 1, 1],
    ['   ', 'EMPTY_FORMULA', 1, 4],
    ['round([A] where [A] > 1)', 'WHERE_OUTSIDE_AGGREGATE', 1, 11],
    ['sum([A])', 'AGGREGATE_NEEDS_COLUMN', 1, 5],
    ['sum(x where sum(y) > 0)', 'NESTED_AGGREGATE', 1, 13],
    ['sum(x) / sales', 'COLUMN_OUTSIDE_AGGREGATE', 1, 10],
    ['REV - [COST]', 'KPI_CODE_WITHOUT_BRACKETS', 1, 1],
    ['sum(Sales)', 'INVALID_COLUMN_NAME', 1, 5],
  ])('%j → %s at %i:%i', (text, code, line, column) => {
    expect(errors(text)[0]).toEqual({ code, line, column });
  });

  it('reports every type error, not only the first', () => {
    // ([A] > 1) is a true/false value: both '+' and '*' reject it.
    expect(errors('([A] > 1) + 1 + ([B] < 2) * 3')).toEqual([
      { code: 'TYPE_MISMATCH', line: 1, column: 6 },
      { code: 'TYPE_MISMATCH', line: 1, column: 22 },
    ]);
    expect(errors('if([A], 1, 2)')[0]!.code).toBe('TYPE_MISMATCH');
    expect(errors('if([A] > 1, 1, "x")')[0]!.code).toBe('TYPE_MISMATCH');
    expect(errors('[A] = "x"')[0]!.code).toBe('TYPE_MISMATCH');
    expect(errors('([A] > 1) < ([B] > 1)')[0]!.code).toBe('TYPE_MISMATCH');
    expect(errors('not [A]')[0]!.code).toBe('TYPE_MISMATCH');
  });

  it('checks the context: KPI formulas have no aggregates, measures no KPI codes, both give numbers', () => {
    expect(errors('sum(sales)', { context: 'kpi' })).toEqual([{ code: 'AGGREGATE_IN_KPI_FORMULA', line: 1, column: 1 }]);
    expect(errors('sum(sales) / [REV]', { context: 'dataset' })).toEqual([{ code: 'KPI_REF_IN_MEASURE', line: 1, column: 14 }]);
    expect(errors('[A] > 1', { context: 'kpi' })).toEqual([{ code: 'RESULT_NOT_NUMBER', line: 1, column: 5 }]);
    expect(parse('[A] > 1').ok).toBe(true);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    // "😀" is one character (two UTF-16 units): '#' is the 7th character.
    expect(errors('"😀" + #')[0]).toMatchObject({ code: 'UNEXPECTED_CHARACTER', column: 7 });
  });

  it('shows invisible characters by their code', () => {
    const result = parse('1 +\u0001 2');
    expect(!result.ok && result.errors[0]!.message.en).toBe("Unexpected character 'U+0001' at line 1, column 4");
  });
});

describe('parse: limits', () => {
  it('rejects text over 10,000 characters', () => {
    expect(errors(`1${' + 1'.repeat(2500)}`)[0]!.code).toBe('FORMULA_TOO_LONG');
  });

  it('rejects more than 2,000 tokens', () => {
    // 1 + 1 + … with 1,001 ones is 2,001 tokens (1,001 numbers and 1,000 '+').
    expect(errors(`1${'+1'.repeat(1000)}`)[0]!.code).toBe('TOO_MANY_TOKENS');
    expect(parse(`1${'+1'.repeat(999)}`).ok).toBe(true);
  });

  it('rejects nesting deeper than 64 levels without overflowing the stack', () => {
    expect(parse(`${'('.repeat(64)}1${')'.repeat(64)}`).ok).toBe(true);
    expect(errors(`${'('.repeat(65)}1${')'.repeat(65)}`)[0]).toEqual({ code: 'TOO_DEEP', line: 1, column: 65 });
    expect(errors(`${'-'.repeat(1500)}1`)[0]!.code).toBe('TOO_DEEP');
    expect(errors(`${'abs('.repeat(500)}1${')'.repeat(500)}`)[0]!.code).toBe('TOO_DEEP');
    expect(errors(`2${'^2'.repeat(900)}`)[0]!.code).toBe('TOO_DEEP');
    expect(errors(`${'not '.repeat(900)}1 > 0`)[0]!.code).toBe('TOO_DEEP');
  });
});
