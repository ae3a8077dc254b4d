import { describe, expect, it } from 'vitest';
import type { OrgUnitT } from '../../api';
import { cascadeRecipients, recipientOptions, type PersonOption } from './cascade-recipients';

const unit = (id: number, code: string, parentId: number | null, inScope = true): OrgUnitT => ({ id, code, name: `Unit ${code}`, parentId, archived: false, inScope });
// The demo org chart: MA → KD → KD-MB, KD-MN; MKT beside KD (out of the sales manager's scope).
const units = [unit(1, 'MA', null), unit(2, 'KD', 1), unit(3, 'KD-MB', 2), unit(4, 'KD-MN', 2), unit(5, 'MKT', 1, false)];
const person = (id: number, fullName: string, unitId: number, active = true): PersonOption => ({ id, fullName, unitId, active });
const people = [
  person(10, 'Vũ Đình Khoa', 3),
  person(11, 'Đặng Thu Trang', 3),
  person(12, 'Bùi Tiến Dũng', 3),
  person(13, 'Ngô Thanh Tùng', 3, false), // left the company
  person(14, 'Trịnh Văn Phúc', 4),
  person(15, 'Lê Văn Đức', 2),
];
const labels = { units: 'Phòng ban con', people: 'Nhân sự' };

describe('cascadeRecipients', () => {
  it('offers a unit its units below and its own active people, by Vietnamese name order', () => {
    const kd = cascadeRecipients('unit:2', units, people);
    expect(kd.units.map((r) => r.key)).toEqual(['unit:3', 'unit:4']);
    // Only Lê Văn Đức belongs to KD itself; the people of KD-MB / KD-MN belong to those units.
    expect(kd.people).toEqual([{ key: 'person:15', scope: { type: 'person', id: 15 }, label: 'Lê Văn Đức', disabled: false }]);

    const mb = cascadeRecipients('unit:3', units, people);
    expect(mb.units).toEqual([]);
    // Given name first (core/people/sort-names.ts): Dũng < Khoa < Trang; Ngô Thanh Tùng is inactive.
    expect(mb.people.map((r) => r.label)).toEqual(['Bùi Tiến Dũng', 'Vũ Đình Khoa', 'Đặng Thu Trang']);
    expect(mb.people.map((r) => r.scope)).toEqual([
      { type: 'person', id: 12 },
      { type: 'person', id: 10 },
      { type: 'person', id: 11 },
    ]);
  });

  it('offers only units from the company (not MA, which stands for it), out-of-scope ones disabled', () => {
    const company = cascadeRecipients('company', units, people);
    expect(company.people).toEqual([]);
    expect(company.units.map((r) => [r.label, r.disabled])).toEqual([
      ['Unit KD (KD)', false],
      ['Unit KD-MB (KD-MB)', false],
      ['Unit KD-MN (KD-MN)', false],
      ['Unit MKT (MKT)', true],
    ]);
  });
});

describe('recipientOptions', () => {
  it('groups units and people under their headings', () => {
    expect(recipientOptions(cascadeRecipients('unit:2', units, people), labels)).toEqual([
      {
        label: 'Phòng ban con',
        options: [
          { value: 'unit:3', label: 'Unit KD-MB (KD-MB)', disabled: false },
          { value: 'unit:4', label: 'Unit KD-MN (KD-MN)', disabled: false },
        ],
      },
      { label: 'Nhân sự', options: [{ value: 'person:15', label: 'Lê Văn Đức', disabled: false }] },
    ]);
  });

  it('leaves out an empty group, and stays a flat list when there are no people', () => {
    expect(recipientOptions(cascadeRecipients('unit:3', units, people), labels)).toEqual([
      {
        label: 'Nhân sự',
        options: [
          { value: 'person:12', label: 'Bùi Tiến Dũng', disabled: false },
          { value: 'person:10', label: 'Vũ Đình Khoa', disabled: false },
          { value: 'person:11', label: 'Đặng Thu Trang', disabled: false },
        ],
      },
    ]);
    expect(recipientOptions(cascadeRecipients('unit:2', units, []), labels)).toEqual([
      { value: 'unit:3', label: 'Unit KD-MB (KD-MB)', disabled: false },
      { value: 'unit:4', label: 'Unit KD-MN (KD-MN)', disabled: false },
    ]);
  });
});
