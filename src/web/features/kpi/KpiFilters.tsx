import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { KPI_LEVEL_LABELS, KPI_PERSPECTIVE_LABELS, KPI_STATUS_LABELS, unitLabel } from '../../../core/kpi/labels';
import { KPI_UNITS } from '../../../core/kpi/types';
import { useSession } from '../../session';
import { optionsOf } from './labels';
import { PersonSelect } from './PersonSelect';
import type { KpiFilter } from './queries';

interface Props {
  filter: KpiFilter;
  onChange(next: KpiFilter): void;
  /** Units seen in the library, besides the known ones. */
  extraUnits: readonly string[];
}

export function KpiFilters({ filter, onChange, extraUnits }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const set = (patch: Partial<KpiFilter>) => onChange({ ...filter, ...patch });
  const units = [...new Set<string>([...KPI_UNITS, ...extraUnits])];
  return (
    <Space wrap size="small" data-testid="kpi-filters">
      <Input.Search
        allowClear
        placeholder={t('kpi.list.search')}
        defaultValue={filter.q}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        style={{ width: 240 }}
        data-testid="kpi-search"
      />
      <Select allowClear placeholder={t('kpi.field.level')} style={{ width: 140 }} value={filter.level} onChange={(v?: string) => set({ level: v })} options={optionsOf(KPI_LEVEL_LABELS, lang)} data-testid="filter-level" />
      <Select
        allowClear
        placeholder={t('kpi.field.perspective')}
        style={{ width: 180 }}
        value={filter.perspective}
        onChange={(v?: string) => set({ perspective: v })}
        options={optionsOf(KPI_PERSPECTIVE_LABELS, lang)}
        data-testid="filter-perspective"
      />
      <Select allowClear placeholder={t('kpi.field.unit')} style={{ width: 150 }} value={filter.unit} onChange={(v?: string) => set({ unit: v })} options={units.map((u) => ({ value: u, label: unitLabel(u)[lang] }))} data-testid="filter-unit" />
      <div style={{ width: 220 }}>
        <PersonSelect value={filter.ownerId ?? null} onChange={(v) => set({ ownerId: v ?? undefined })} testId="filter-owner" placeholder={t('kpi.field.owner')} />
      </div>
      <Select
        allowClear
        placeholder={t('kpi.list.statusNotArchived')}
        style={{ width: 190 }}
        value={filter.status}
        onChange={(v?: string) => set({ status: v })}
        options={optionsOf(KPI_STATUS_LABELS, lang)}
        data-testid="filter-status"
      />
    </Space>
  );
}
