import type { Position } from './ast';
import { formulaError, type FormulaError } from './errors';
import { FORMULA_LIMITS } from './limits';

export type TokenType = 'number' | 'string' | 'kpi' | 'ident' | 'op' | 'eof';

export interface Token {
  type: TokenType;
  /** Operator symbol (`<>` is normalized to `!=`), identifier as written, KPI code, or decoded string. */
  text: string;
  /** Numeric value of a number token. */
  value: number;
  pos: Position;
  /** UTF-16 offset just after the token. */
  end: number;
}

export interface LexResult {
  tokens: Token[];
  errors: FormulaError[];
}

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const KPI_CODE = /^[A-Z][A-Z0-9_]*$/;
const TWO_CHAR_OPS = new Set(['<=', '>=', '!=', '<>']);
const ONE_CHAR_OPS = new Set(['(', ')', ',', '+', '-', '*', '/', '^', '=', '<', '>']);

function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_.]/.test(ch);
}

/** Splits formula text into tokens. Never throws; stops at the token limit. */
export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  const errors: FormulaError[] = [];
  let i = 0;
  let line = 1;
  let column = 1;

  const here = (): Position => ({ line, column, offset: i });
  // Moves to `to` on the same line, counting code points (a surrogate pair is one column).
  const advance = (to: number) => {
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
  };
  const fail = (error: FormulaError) => {
    if (errors.length < FORMULA_LIMITS.maxErrors) errors.push(error);
  };
  const push = (type: TokenType, tokenText: string, pos: Position, value = 0): boolean => {
    if (tokens.length >= FORMULA_LIMITS.maxTokens) {
      fail(
        formulaError(
          'TOO_MANY_TOKENS',
          pos,
          `Công thức quá dài: tối đa ${FORMULA_LIMITS.maxTokens} thành phần`,
          `Formula is too long: at most ${FORMULA_LIMITS.maxTokens} tokens`,
        ),
      );
      return false;
    }
    tokens.push({ type, text: tokenText, value, pos, end: i });
    return true;
  };

  while (i < text.length && errors.length < FORMULA_LIMITS.maxErrors) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      column = 1;
      continue;
    }
    if (/\s/.test(ch)) {
      advance(i + 1);
      continue;
    }
    const pos = here();

    if ((ch >= '0' && ch <= '9') || (ch === '.' && /\d/.test(text[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const raw = NUMBER.exec(text)![0];
      advance(i + raw.length);
      if (isIdentChar(text[i])) {
        while (isIdentChar(text[i])) advance(i + 1);
        const bad = text.slice(pos.offset, i);
        fail(formulaError('INVALID_NUMBER', pos, `Số không hợp lệ '${bad}'`, `Invalid number '${bad}'`, { text: bad }));
        continue;
      }
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        fail(formulaError('INVALID_NUMBER', pos, `Số quá lớn '${raw}'`, `Number is too large '${raw}'`, { text: raw }));
        continue;
      }
      if (!push('number', raw, pos, value)) break;
      continue;
    }

    // "text" or 'text' (as in SQL filters); the quote is doubled to write it inside.
    if (ch === '"' || ch === "'") {
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < text.length && text[j] !== '\n' && text[j] !== '\r') {
        if (text[j] === ch) {
          if (text[j + 1] === ch) {
            value += ch;
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += text[j];
        j++;
      }
      advance(j);
      if (!closed) {
        fail(formulaError('UNTERMINATED_STRING', pos, `Chuỗi chưa có dấu đóng '${ch}'`, `String is missing its closing '${ch}'`));
        continue;
      }
      if (!push('string', value, pos)) break;
      continue;
    }

    if (ch === '[') {
      let j = i + 1;
      while (j < text.length && text[j] !== ']' && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '[') j++;
      if (text[j] !== ']') {
        advance(j);
        fail(
          formulaError('UNTERMINATED_KPI_REF', pos, "Mã KPI thiếu dấu đóng ']'", "KPI reference is missing its closing ']'"),
        );
        continue;
      }
      const code = text.slice(i + 1, j);
      advance(j + 1);
      if (!KPI_CODE.test(code)) {
        fail(
          formulaError(
            'INVALID_KPI_CODE',
            pos,
            `Mã KPI không hợp lệ '[${code}]': mã gồm chữ in hoa, chữ số và '_', bắt đầu bằng chữ cái`,
            `Invalid KPI code '[${code}]': codes use upper-case letters, digits and '_', starting with a letter`,
            { code },
          ),
        );
        continue;
      }
      if (!push('kpi', code, pos)) break;
      continue;
    }

    IDENT.lastIndex = i;
    const ident = IDENT.exec(text);
    if (ident) {
      advance(i + ident[0].length);
      if (!push('ident', ident[0], pos)) break;
      continue;
    }

    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      advance(i + 2);
      if (!push('op', two === '<>' ? '!=' : two, pos)) break;
      continue;
    }
    if (ONE_CHAR_OPS.has(ch)) {
      advance(i + 1);
      if (!push('op', ch, pos)) break;
      continue;
    }

    const code = text.codePointAt(i)!;
    const cp = String.fromCodePoint(code);
    advance(i + cp.length);
    // Invisible characters (controls, lone surrogates) are shown by their code.
    const shown = code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)
      ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
      : cp;
    fail(formulaError('UNEXPECTED_CHARACTER', pos, `Ký tự không hợp lệ '${shown}'`, `Unexpected character '${shown}'`, { char: shown }));
  }

  tokens.push({ type: 'eof', text: '', value: 0, pos: here(), end: i });
  return { tokens, errors };
}
