import { describe, expect, it } from 'vitest';
import { peopleCounts, unitHeads } from './unit-heads';

describe('unit heads for the org chart drawing', () => {
  // BGD: An (no manager) ← Huy; KD: Đức (manager An, outside KD) ← Lan? no, Lan sits in KD-MB under Đức.
  const members = [
    { id: 1, unitId: 10, managerId: null, fullName: 'Nguyễn Minh An' },
    { id: 2, unitId: 10, managerId: 1, fullName: 'Phạm Quốc Huy' },
    { id: 3, unitId: 20, managerId: 1, fullName: 'Lê Văn Đức' },
    { id: 4, unitId: 30, managerId: 3, fullName: 'Hoàng Thị Lan' },
    { id: 5, unitId: 30, managerId: 4, fullName: 'Vũ Đình Khoa' },
    { id: 6, unitId: 30, managerId: 4, fullName: 'Đặng Thu Trang' },
    // Two people of unit 40 report outside it: the one with more reports inside leads; on a tie, name order (Bình < Cường).
    { id: 7, unitId: 40, managerId: 1, fullName: 'Trần Văn Cường' },
    { id: 8, unitId: 40, managerId: 1, fullName: 'Lê Thị Bình' },
  ];

  it('the person whose manager sits outside the unit leads it', () => {
    const heads = unitHeads(members);
    expect(heads.get(10)?.id).toBe(1);
    expect(heads.get(20)?.id).toBe(3);
    expect(heads.get(30)?.id).toBe(4);
    expect(heads.get(40)?.fullName).toBe('Lê Thị Bình');
    expect(heads.has(50)).toBe(false);
  });

  it('more direct reports inside the unit wins over name order', () => {
    const heads = unitHeads([...members, { id: 9, unitId: 40, managerId: 7, fullName: 'Ngô Văn Dũng' }]);
    expect(heads.get(40)?.fullName).toBe('Trần Văn Cường');
  });

  it('counts people of each unit itself', () => {
    expect(Object.fromEntries(peopleCounts(members))).toEqual({ 10: 2, 20: 1, 30: 3, 40: 2 });
  });
});
