import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { KPI_FIELDS } from '../features/kpi/kpi-fields';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import { explainError, humanMessage, pathPattern, placeIssue, type Translate } from './api-errors';

const i18n = i18next.createInstance();
let tVi: Translate;
let tEn: Translate;
beforeAll(async () => {
  await i18n.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', interpolation: { escapeValue: false } });
  tVi = i18n.getFixedT('vi') as unknown as Translate;
  tEn = i18n.getFixedT('en') as unknown as Translate;
});

describe('pathPattern', () => {
  it('writes list indexes as *', () => {
    expect(pathPattern('parents.0.weight')).toBe('parents.*.weight');
    expect(pathPattern('targets.12.period')).toBe('targets.*.period');
    expect(pathPattern('ownerId')).toBe('ownerId');
  });
});

describe('placeIssue with the KPI form map', () => {
  it('puts a parent weight under its field and names it as users do', () => {
    const issue = { path: 'parents.0.weight', message: 'Trường "parents.0.weight" là bắt buộc.' };
    expect(placeIssue(issue, KPI_FIELDS, tVi)).toEqual({
      name: ['parents', 0, 'weight'],
      label: 'Trọng số của KPI cấp trên 1',
      message: 'Trọng số của KPI cấp trên 1 là bắt buộc.',
    });
    const en = placeIssue({ path: 'parents.1.weight', message: 'Field "parents.1.weight" is required.' }, KPI_FIELDS, tEn);
    expect(en.message).toBe('Weight of parent KPI 2 is required.');
  });

  it('maps renamed and row fields', () => {
    expect(placeIssue({ path: 'targets.2.period', message: 'Trường "targets.2.period" sai định dạng.' }, KPI_FIELDS, tVi)).toEqual({
      name: ['targets', 2, 'period'],
      label: 'Kỳ của chỉ tiêu dòng 3',
      message: 'Kỳ của chỉ tiêu dòng 3 sai định dạng.',
    });
    expect(placeIssue({ path: 'baseline.period', message: 'x' }, KPI_FIELDS, tVi).name).toEqual(['baselinePeriod']);
    expect(placeIssue({ path: 'ownerId', message: 'Field "ownerId" must be ≥ 1.' }, KPI_FIELDS, tEn)).toEqual({
      name: ['ownerId'],
      label: 'Owner',
      message: 'Owner must be ≥ 1.',
    });
  });

  it('names a field the form does not show, without placing it', () => {
    expect(placeIssue({ path: 'scoring.floor', message: 'Trường "scoring.floor" phải là số.' }, KPI_FIELDS, tVi)).toEqual({
      name: null,
      label: 'Điểm sàn',
      message: 'Điểm sàn phải là số.',
    });
  });

  it('leaves a path it does not know as it is', () => {
    expect(placeIssue({ path: 'smart.A', message: 'Chưa có người chịu trách nhiệm' }, KPI_FIELDS, tVi)).toEqual({
      name: null,
      label: null,
      message: 'Chưa có người chịu trách nhiệm',
    });
  });
});

describe('humanMessage', () => {
  it('replaces the path in the middle of a sentence too', () => {
    expect(humanMessage('Tử số chia mẫu số (trường "value") phải nằm trong khoảng ±1e15.', 'value', 'Giá trị')).toBe('Tử số chia mẫu số (Giá trị) phải nằm trong khoảng ±1e15.');
    expect(humanMessage('Unknown field "parents.0.note".', 'parents.0.note', 'Note')).toBe('Unknown field "Note".');
  });
});

describe('explainError', () => {
  it('gives each field its messages and a page message with no API path in it', () => {
    const error = new ApiError(400, 'VALIDATION_ERROR', 'Dữ liệu không hợp lệ: Trường "parents.0.weight" là bắt buộc.', [
      { path: 'parents.0.weight', code: 'required', message: 'Trường "parents.0.weight" là bắt buộc.' },
      { path: 'targets.1.value', code: 'invalid_type', message: 'Trường "targets.1.value" phải là số.' },
    ]);
    const out = explainError(error, KPI_FIELDS, tVi);
    expect(out.fields).toEqual([
      { name: ['parents', 0, 'weight'], errors: ['Trọng số của KPI cấp trên 1 là bắt buộc.'] },
      { name: ['targets', 1, 'value'], errors: ['Chỉ tiêu dòng 2 phải là số.'] },
    ]);
    expect(out.message).toBe('Trọng số của KPI cấp trên 1 là bắt buộc. Chỉ tiêu dòng 2 phải là số.');
  });

  it('keeps the server message when there are no issues', () => {
    const error = new ApiError(409, 'UNIT_CODE_TAKEN', 'Mã phòng ban đã tồn tại.');
    expect(explainError(error, {}, tVi)).toEqual({ fields: [], message: 'Mã phòng ban đã tồn tại.' });
  });
});
