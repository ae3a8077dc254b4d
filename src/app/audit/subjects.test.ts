import { describe, expect, it } from 'vitest';
import { parseEntityId, refsOf, refsOfActuals, subjectOf, type AuditNames } from './subjects';

const names: AuditNames = {
  kpis: new Map([['ONLINE_REV', { code: 'ONLINE_REV', name: 'Doanh thu online', nameEn: 'Online revenue' }]]),
  units: new Map([[3, 'Phòng Kinh doanh']]),
  people: new Map([[7, 'Nguyễn Văn An']]),
  users: new Map([[2, 'Trần Thị Hoa']]),
  positions: new Map([[4, 'Trưởng phòng']]),
  tokens: new Map([[5, 'POS Hà Nội']]),
  actuals: new Map([[41, { kpiCode: 'ONLINE_REV', period: '2026-03', scopeType: 'person' as const, scopeId: 7 }]]),
  evidence: new Map([[9, { fileName: 'hoa-don-t3.pdf', actualId: 41 }]]),
  company: 'Công ty Minh An',
};
const entry = (entity: string, entityId: string, after: unknown = null) => ({ entity, entityId, before: null, after });

describe('parseEntityId', () => {
  it('reads target, actual and token ids', () => {
    expect(parseEntityId('kpi_targets', 'ONLINE_REV|unit:3')).toEqual({ kind: 'targets', code: 'ONLINE_REV', scope: { type: 'unit', id: 3 }, period: null });
    expect(parseEntityId('kpi_targets', 'ONLINE_REV|company')).toEqual({ kind: 'targets', code: 'ONLINE_REV', scope: { type: 'company', id: null }, period: null });
    expect(parseEntityId('kpi_targets', 'ONLINE_REV|2026|cascade')).toEqual({ kind: 'targets', code: 'ONLINE_REV', scope: null, period: '2026' });
    expect(parseEntityId('actual', 'file:actuals-test.csv')).toEqual({ kind: 'actualFile', file: 'actuals-test.csv' });
    expect(parseEntityId('actual', 'api-token:5')).toEqual({ kind: 'token', id: 5 });
    expect(parseEntityId('actual', '41')).toEqual({ kind: 'actual', id: 41 });
    expect(parseEntityId('org_unit', 'x')).toEqual({ kind: 'other' });
  });
});

describe('refsOf', () => {
  it('collects each kind once', () => {
    const refs = refsOf([
      entry('kpi', 'ONLINE_REV'),
      entry('kpi_targets', 'ONLINE_REV|unit:3'),
      entry('kpi_targets', 'ONLINE_REV|person:7'),
      entry('org_unit', '3'),
      entry('actual', '41'),
      entry('actual', 'api-token:5'),
      entry('evidence', '9'),
      entry('user', '2'),
      entry('position', '4'),
      entry('company', '1'),
    ]);
    expect(refs).toEqual({ kpiCodes: ['ONLINE_REV'], unitIds: [3], personIds: [7], userIds: [2], positionIds: [4], tokenIds: [5], actualIds: [41], evidenceIds: [9] });
  });
  it('follows actuals to their KPI and scope', () => {
    expect(refsOfActuals(names.actuals.values())).toMatchObject({ kpiCodes: ['ONLINE_REV'], personIds: [7], unitIds: [] });
  });
});

describe('subjectOf', () => {
  const kpi = { code: 'ONLINE_REV', name: 'Doanh thu online', nameEn: 'Online revenue' };
  const empty = { kpi: null, scope: null, period: null, name: null, file: null };
  it('names a unit’s targets by KPI and unit', () => {
    expect(subjectOf(entry('kpi_targets', 'ONLINE_REV|unit:3'), names)).toEqual({ ...empty, kpi, scope: { type: 'unit', id: 3, name: 'Phòng Kinh doanh' } });
    expect(subjectOf(entry('kpi_targets', 'ONLINE_REV|company'), names).scope).toEqual({ type: 'company', id: null, name: 'Công ty Minh An' });
  });
  it('names a check-in by KPI, person and period, and its evidence by file', () => {
    const checkIn = { ...empty, kpi, scope: { type: 'person', id: 7, name: 'Nguyễn Văn An' }, period: '2026-03' };
    expect(subjectOf(entry('actual', '41'), names)).toEqual(checkIn);
    expect(subjectOf(entry('evidence', '9'), names)).toEqual({ ...checkIn, name: 'hoa-don-t3.pdf' });
  });
  it('names imports by file or token, and the KPI-as-code file', () => {
    expect(subjectOf(entry('actual', 'file:actuals-test.csv'), names)).toEqual({ ...empty, file: 'actuals-test.csv' });
    expect(subjectOf(entry('actual', 'api-token:5'), names)).toEqual({ ...empty, name: 'POS Hà Nội' });
    expect(subjectOf(entry('kpi_file', 'kpi-as-code'), names)).toEqual({ ...empty, file: 'KPI-as-code (YAML)' });
  });
  it('names people, units, users, positions and the company', () => {
    expect(subjectOf(entry('person', '7'), names).name).toBe('Nguyễn Văn An');
    expect(subjectOf(entry('org_unit', '3'), names).name).toBe('Phòng Kinh doanh');
    expect(subjectOf(entry('user', '2'), names).name).toBe('Trần Thị Hoa');
    expect(subjectOf(entry('position', '4'), names).name).toBe('Trưởng phòng');
    expect(subjectOf(entry('company', '1'), names).name).toBe('Công ty Minh An');
  });
  it('falls back to the snapshot for things no longer stored', () => {
    expect(subjectOf(entry('person', '99', { fullName: 'Lê Thị Cúc' }), names).name).toBe('Lê Thị Cúc');
    expect(subjectOf(entry('actual', '1000', { kpi: 'OLD_KPI', period: '2025-12' }), names)).toEqual({ ...empty, kpi: { code: 'OLD_KPI', name: 'OLD_KPI', nameEn: null }, period: '2025-12' });
  });
});
