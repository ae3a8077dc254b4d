import { describe, expect, it } from 'vitest';
import { defaultGroups, fillFromKpi, levelsFor, toTemplateBody } from './template-form';

describe('template form', () => {
  it('starts with Output / Behavior / Competencies at 60 / 20 / 20, named in vi and en', () => {
    expect(defaultGroups().map((g) => [g.code, g.name.vi, g.name.en, g.weight])).toEqual([
      ['output', 'Kết quả đầu ra', 'Output', 60],
      ['behavior', 'Hành vi', 'Behavior', 20],
      ['competency', 'Năng lực', 'Competencies', 20],
    ]);
  });

  it('keeps one level descriptor per level of the scale', () => {
    const typed = [{ vi: 'Kém', en: 'Poor' }, { vi: 'Đạt', en: 'Fair' }];
    expect(levelsFor(3, typed)).toEqual([...typed, { vi: '', en: '' }]);
    expect(levelsFor(2, [...typed, { vi: 'Tốt', en: 'Good' }])).toEqual(typed);
    expect(levelsFor(11, typed)).toEqual([]);
  });

  it('fills a KPI item from the picked KPI without overwriting what was typed', () => {
    const kpi = { code: 'REVENUE', name: 'Doanh thu', nameEn: 'Revenue' };
    expect(fillFromKpi({ kind: 'kpi', weight: 70 }, kpi)).toEqual({ kind: 'kpi', weight: 70, kpiCode: 'REVENUE', code: 'REVENUE', name: { vi: 'Doanh thu', en: 'Revenue' } });
    expect(fillFromKpi({ code: 'REV', name: { vi: 'DT', en: '' } }, kpi)).toEqual({ kpiCode: 'REVENUE', code: 'REV', name: { vi: 'DT', en: 'Revenue' } });
  });
});

describe('toTemplateBody', () => {
  it('sends only the fields of each kind, trimmed, with one level per step of the scale', () => {
    const body = toTemplateBody({
      code: ' NVKD ',
      name: 'Nhân viên kinh doanh',
      groups: [
        {
          code: 'output',
          name: { vi: 'Kết quả đầu ra', en: 'Output' },
          weight: 33.33,
          items: [
            // Switched from rated to KPI: the old scale and levels must not be sent.
            { kind: 'kpi', code: 'REV', name: { vi: 'Doanh thu ', en: 'Revenue' }, weight: 100, kpiCode: 'REVENUE', scale: 5, levels: [] },
            { kind: 'rated', code: 'ON_TIME', name: { vi: 'Đúng hạn', en: 'On time' }, weight: 50, kpiCode: 'X', scale: 2, levels: [{ vi: 'Trễ', en: 'Late' }] },
          ],
        },
      ],
    });
    expect(body).toEqual({
      code: 'NVKD',
      name: 'Nhân viên kinh doanh',
      positionId: null,
      groups: [
        {
          code: 'output',
          name: { vi: 'Kết quả đầu ra', en: 'Output' },
          weight: 33.33,
          items: [
            { kind: 'kpi', code: 'REV', name: { vi: 'Doanh thu', en: 'Revenue' }, weight: 100, kpiCode: 'REVENUE' },
            { kind: 'rated', code: 'ON_TIME', name: { vi: 'Đúng hạn', en: 'On time' }, weight: 50, scale: 2, levels: [{ vi: 'Trễ', en: 'Late' }, { vi: '', en: '' }] },
          ],
        },
      ],
    });
  });
});
