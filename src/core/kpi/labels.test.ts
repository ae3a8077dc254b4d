import { describe, expect, it } from 'vitest';
import {
  KPI_AGGREGATION_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_FREQUENCY_LABELS,
  KPI_GROUP_LABELS,
  KPI_LEVEL_LABELS,
  KPI_PERSPECTIVE_LABELS,
  KPI_SOURCE_LABELS,
  KPI_STATUS_LABELS,
  KPI_UNIT_LABELS,
  unitLabel,
} from './labels';
import {
  KPI_AGGREGATIONS,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_GROUPS,
  KPI_LEVELS,
  KPI_PERSPECTIVES,
  KPI_SOURCES,
  KPI_STATUSES,
  KPI_UNITS,
} from './types';

const pairs: [readonly string[], Record<string, { vi: string; en: string }>][] = [
  [KPI_LEVELS, KPI_LEVEL_LABELS],
  [KPI_PERSPECTIVES, KPI_PERSPECTIVE_LABELS],
  [KPI_GROUPS, KPI_GROUP_LABELS],
  [KPI_UNITS, KPI_UNIT_LABELS],
  [KPI_DIRECTIONS, KPI_DIRECTION_LABELS],
  [KPI_AGGREGATIONS, KPI_AGGREGATION_LABELS],
  [KPI_FREQUENCIES, KPI_FREQUENCY_LABELS],
  [KPI_SOURCES, KPI_SOURCE_LABELS],
  [KPI_STATUSES, KPI_STATUS_LABELS],
];

describe('enum labels', () => {
  it('label every enum value in both languages, and nothing else', () => {
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) {
        expect(labels[v]?.vi.trim().length).toBeGreaterThan(0);
        expect(labels[v]?.en.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('use the glossary terms', () => {
    expect(KPI_DIRECTION_LABELS.increase).toEqual({ vi: 'Càng cao càng tốt', en: 'Increase' });
    expect(KPI_LEVEL_LABELS.operational).toEqual({ vi: 'Tác nghiệp', en: 'Operational' });
    expect(KPI_PERSPECTIVE_LABELS.learning).toEqual({ vi: 'Học hỏi và phát triển', en: 'Learning and growth' });
    expect(KPI_GROUP_LABELS.competency).toEqual({ vi: 'Năng lực', en: 'Competencies' });
  });

  it('shows a custom unit as written', () => {
    expect(unitLabel('lượt truy cập')).toEqual({ vi: 'lượt truy cập', en: 'lượt truy cập' });
    expect(unitLabel('days')).toEqual({ vi: 'Ngày', en: 'Days' });
  });
});
