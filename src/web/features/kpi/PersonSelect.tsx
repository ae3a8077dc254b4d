import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../org/queries';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Name of the current person, shown before the search has loaded them. */
  initialName?: string | null | undefined;
  testId?: string;
  placeholder?: string;
}

/** A person picked by typing part of the name (GET /api/people?q=). */
export function PersonSelect({ value, onChange, initialName, testId, placeholder }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = usePeople({ q: q || undefined, limit: 20, offset: 0 });
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} · ${p.unitName}` }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });
  return (
    <Select<number>
      allowClear
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={people.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={placeholder ?? t('kpi.form.personSearch')}
      style={{ width: '100%' }}
      options={options}
      notFoundContent={t('kpi.form.noPerson')}
    />
  );
}
