import type { MeasureFormat } from './display';
import type { DatasetColumnT, Grain } from './types';

export interface MeasureDraft {
  name: string;
  expression: string;
  format: MeasureFormat;
}

export interface GroupDraft {
  column: string;
  /** For date and datetime columns: the period grain; undefined = the value itself. */
  grain?: Grain | undefined;
}

export const isTimeColumn = (c: DatasetColumnT | undefined) => c?.type === 'date' || c?.type === 'datetime';

/** Column names that usually hold the amount worth summing first. */
const MONEY_WORDS = /revenue|sales|amount|doanh_thu|thanh_tien|gia_tri|tong_tien/;

/** A first query that shows something: the sum of the revenue-like (else the first decimal, else number) column, or a count, by month of the first date column. */
export function defaultQuery(columns: readonly DatasetColumnT[]): { measures: MeasureDraft[]; by: GroupDraft[] } {
  const numbers = columns.filter((c) => c.type === 'decimal' || c.type === 'integer');
  const number = numbers.find((c) => MONEY_WORDS.test(c.name)) ?? numbers.find((c) => c.type === 'decimal') ?? numbers[0];
  const time = columns.find(isTimeColumn);
  const measures: MeasureDraft[] = [number ? { name: number.name, expression: `sum(${number.name})`, format: 'number' } : { name: 'rows', expression: 'count()', format: 'number' }];
  return { measures, by: time ? [{ column: time.name, grain: 'month' }] : [] };
}

/** `by` items as the API takes them: `column` or `column:grain`. */
export function byItems(by: readonly GroupDraft[]): string[] {
  return by.filter((b) => b.column !== '').map((b) => (b.grain ? `${b.column}:${b.grain}` : b.column));
}
