import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { checkDatasetName, columnsOfHeaders, identifierOf } from './identifiers';

describe('identifierOf', () => {
  it.each([
    ['Order ID', 'order_id'],
    ['Sub-Category', 'sub_category'],
    ['Doanh thu', 'doanh_thu'],
    ['Đơn vị (đ)', 'don_vi_d'],
    ['  Số lượng  ', 'so_luong'],
    ['Ngày đặt hàng', 'ngay_dat_hang'],
    ['2025', 'c_2025'],
    ['%%', 'column_4'],
    ['x"; DROP TABLE people; --', 'x_drop_table_people'],
  ])('%s → %s', (header, id) => {
    expect(identifierOf(header.trim(), 4)).toBe(id);
  });

  it('cuts long headers to 60 characters without a trailing underscore', () => {
    const id = identifierOf(`${'a'.repeat(59)} b c`, 1);
    expect(id).toBe('a'.repeat(59));
  });
});

describe('columnsOfHeaders', () => {
  it('keeps the headers as labels', () => {
    expect(columnsOfHeaders(['Order ID', 'Doanh thu'])).toEqual([
      { name: 'order_id', label: 'Order ID' },
      { name: 'doanh_thu', label: 'Doanh thu' },
    ]);
  });

  it('names a blank header in the middle by its position and leaves blank headers at the end out', () => {
    expect(columnsOfHeaders(['Mã', '', 'Giá', '', ' '])).toEqual([
      { name: 'ma', label: 'Mã' },
      { name: 'column_2', label: '' },
      { name: 'gia', label: 'Giá' },
    ]);
  });

  it('refuses two headers that give the same identifier, naming both', () => {
    let error: unknown;
    try {
      columnsOfHeaders(['Doanh thu', 'Khách hàng', 'doanh-thu']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('DATASET_DUPLICATE_COLUMN');
    expect(e.localized.vi).toContain('"Doanh thu" và "doanh-thu"');
    expect(e.localized.en).toContain('"Doanh thu" and "doanh-thu"');
    expect(e.issues[0]).toMatchObject({ code: 'duplicate_column', column: 'doanh-thu', row: 1 });
  });
});

describe('checkDatasetName', () => {
  it('accepts lower-case identifiers and refuses anything else', () => {
    expect(() => checkDatasetName('don_hang_2025')).not.toThrow();
    for (const bad of ['Orders', '1orders', 'orders;drop', 'a'.repeat(41), '']) expect(() => checkDatasetName(bad), bad).toThrow(DomainError);
  });
});
