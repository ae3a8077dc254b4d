import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../org/queries';
import { UnitTreeSelect } from '../org/UnitTreeSelect';

/** `company`, `unit:<id>` or `person:<id>` (the signed-in person only) as the API takes it. */
export function ScopeChooser({ value, onChange, personId, testId }: { value: string; onChange(scope: string): void; personId: number | null; testId: string }) {
  const { t } = useTranslation();
  const units = useUnits();
  const kind = value.split(':')[0] as 'company' | 'unit' | 'person';
  const kinds = personId === null ? (['company', 'unit'] as const) : (['company', 'unit', 'person'] as const);
  const unitId = kind === 'unit' ? Number(value.split(':')[1]) || null : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        value={kind}
        onChange={(k) => onChange(k === 'company' ? 'company' : k === 'person' ? `person:${personId}` : 'unit:')}
        options={kinds.map((k) => ({ value: k, label: t(`subscriptions.scope.${k}`) }))}
        data-testid={`${testId}-kind`}
      />
      {kind === 'unit' && (
        <div style={{ width: 'min(360px, 100%)' }}>
          <UnitTreeSelect units={units.data ?? []} value={unitId} onChange={(id) => onChange(id === null ? 'unit:' : `unit:${id}`)} testId={`${testId}-unit`} />
        </div>
      )}
    </Space>
  );
}

/** A scope key as words: "Toàn công ty", the unit's name, "Bản thân". */
export function useScopeLabel(): (scope: string) => string {
  const { t } = useTranslation();
  const units = useUnits();
  return (scope) => {
    const [kind, id] = scope.split(':');
    if (kind === 'unit') return units.data?.find((u) => u.id === Number(id))?.name ?? scope;
    return t(`subscriptions.scope.${kind === 'person' ? 'person' : 'company'}`);
  };
}
