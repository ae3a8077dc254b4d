import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnitT } from '../../api';
import { UnitTreeSelect } from '../org/UnitTreeSelect';

/** Whose numbers the results tab shows: the signed-in person's own, the company's, or one unit's. */
export type ResultsScope = { type: 'person'; id: number } | { type: 'company' } | { type: 'unit'; id: number };

export function scopeText(s: ResultsScope): string {
  return s.type === 'company' ? 'company' : `${s.type}:${s.id}`;
}

interface Props {
  value: ResultsScope;
  onChange(scope: ResultsScope): void;
  units: readonly OrgUnitT[];
  /** Offered first when the person has a target of their own for this KPI. */
  me: { id: number; name: string } | null;
}

/** "Tôi (Vũ Đình Khoa)" first for someone with a personal target, then the company or a unit. */
export function ResultsScopePicker({ value, onChange, units, me }: Props) {
  const { t } = useTranslation();
  const mine = value.type === 'person';
  return (
    <Space wrap size={8} data-testid="results-scope-picker">
      {me && (
        <Segmented<'me' | 'org'>
          data-testid="results-scope-kind"
          value={mine ? 'me' : 'org'}
          onChange={(v) => onChange(v === 'me' ? { type: 'person', id: me.id } : { type: 'company' })}
          options={[
            { value: 'me', label: t('numbers.me', { name: me.name }) },
            { value: 'org', label: t('numbers.companyOrUnit') },
          ]}
        />
      )}
      {!mine && (
        <div style={{ width: 'min(320px, calc(100vw - 48px))' }}>
          <UnitTreeSelect
            units={units}
            value={value.type === 'unit' ? value.id : null}
            onChange={(id) => onChange(id === null ? { type: 'company' } : { type: 'unit', id })}
            allowClear
            placeholder={t('results.company')}
            testId="results-scope"
          />
        </div>
      )}
    </Space>
  );
}
