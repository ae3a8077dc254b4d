import { describe, expect, it } from 'vitest';
import type { DatasetColumnType } from '../core/dataset/types';
import { DatasetShapeError, ident, pgType } from './dataset-tables';

describe('dataset SQL names', () => {
  it('quotes checked names', () => {
    expect(ident('ds_orders', 'table')).toBe('"ds_orders"');
    expect(ident('order_id', 'column')).toBe('"order_id"');
    expect(ident('ds_orders_d2', 'index')).toBe('"ds_orders_d2"');
  });

  it('refuses any name a hand-edited catalogue or backup could use to inject SQL', () => {
    for (const [name, kind] of [
      ['ds_x"; DROP TABLE people; --', 'table'],
      ['people', 'table'],
      ['a" text); DROP TABLE people; --', 'column'],
      ['Order', 'column'],
      ['_id', 'column'],
      ['', 'column'],
    ] as const) {
      expect(() => ident(name, kind), name).toThrow(DatasetShapeError);
    }
    for (const type of ['text); DROP TABLE people; --', 'toString', '__proto__']) expect(() => pgType(type as DatasetColumnType), type).toThrow(DatasetShapeError);
  });
});
