import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { planImport, withOverrides } from './plan';
import type { DatasetColumnInfo, DatasetInfo } from './types';

const FILE: DatasetColumnInfo[] = [
  { name: 'order_id', label: 'Order ID', type: 'text' },
  { name: 'sales', label: 'Sales', type: 'decimal' },
];
const STORED: DatasetInfo = { id: 1, name: 'orders', label: 'orders', tableName: 'ds_orders', columns: FILE, keyColumns: [], rowCount: 3, updatedAt: '' };

function codeOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).issues.map((i) => i.code);
  }
  return [];
}

describe('withOverrides', () => {
  it('applies overrides by identifier or header and refuses unknown columns', () => {
    const cols = withOverrides([{ name: 'order_id', label: 'Order ID' }, { name: 'sales', label: 'Sales' }], ['integer', 'decimal'], { 'Order ID': 'text' });
    expect(cols.map((c) => c.type)).toEqual(['text', 'decimal']);
    expect(codeOf(() => withOverrides([{ name: 'sales', label: 'Sales' }], ['decimal'], { profit: 'decimal' }))).toEqual(['unknown_column']);
  });
});

describe('planImport', () => {
  it('defines a new dataset with the file columns and the key given', () => {
    expect(planImport(null, FILE, { mode: 'append', keyColumns: ['Order ID'], overridden: [] })).toEqual({ action: 'define', columns: FILE, keyColumns: ['order_id'] });
  });

  it('appends with the stored key, and gives a key to a dataset without one', () => {
    expect(planImport({ ...STORED, keyColumns: ['order_id'] }, FILE, { mode: 'append', overridden: [] })).toEqual({ action: 'append', keyColumns: ['order_id'], setKey: false });
    expect(planImport(STORED, FILE, { mode: 'append', keyColumns: ['order_id'], overridden: [] })).toEqual({ action: 'append', keyColumns: ['order_id'], setKey: true });
  });

  it('refuses an append whose columns, types or key do not fit', () => {
    expect(codeOf(() => planImport(STORED, [FILE[0]!, { name: 'profit', label: 'Profit', type: 'decimal' }], { mode: 'append', overridden: [] }))).toEqual(['unknown_column', 'missing_column']);
    expect(codeOf(() => planImport(STORED, [FILE[0]!, { ...FILE[1]!, type: 'integer' }], { mode: 'append', overridden: ['sales'] }))).toEqual(['type_mismatch']);
    expect(codeOf(() => planImport({ ...STORED, keyColumns: ['order_id'] }, FILE, { mode: 'append', keyColumns: ['sales'], overridden: [] }))).toEqual(['key_mismatch']);
    expect(codeOf(() => planImport(null, FILE, { mode: 'append', keyColumns: ['missing'], overridden: [] }))).toEqual(['unknown_column']);
  });

  it('replaces with new columns, keeping the key while its columns remain', () => {
    expect(planImport({ ...STORED, keyColumns: ['order_id'] }, FILE, { mode: 'replace', overridden: [] })).toEqual({ action: 'replace', keyColumns: ['order_id'] });
    expect(planImport({ ...STORED, keyColumns: ['gone'] }, FILE, { mode: 'replace', overridden: [] })).toEqual({ action: 'replace', keyColumns: [] });
  });
});

describe('option parsing', () => {
  it('refuses inherited property names as a date format, and keeps any column name as a plain key', async () => {
    const { parseDateFormat, parseTypeOverrides } = await import('./options');
    expect(() => parseDateFormat('constructor')).toThrow(DomainError);
    expect(parseDateFormat('dd/mm/yyyy')).toBe('dmy');
    const types = parseTypeOverrides('__proto__=text,sales=decimal');
    expect(Object.entries(types)).toEqual([
      ['__proto__', 'text'],
      ['sales', 'decimal'],
    ]);
  });
});
