import { describe, expect, it } from 'vitest';
import { cleanMapping } from './import-api';

describe('the column mapping sent to the server', () => {
  it('leaves out fields with no column chosen', () => {
    expect(cleanMapping({ kpi: 'Mã KPI', period: 'Ngày', value: '', comment: undefined })).toEqual({ kpi: 'Mã KPI', period: 'Ngày' });
  });
});
