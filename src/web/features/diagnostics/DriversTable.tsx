import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { useDrivers } from './queries';
import type { ScopeT } from './types';
import { ExportTable } from '../../shell/ExportTable';

/** How much of a product KPI's gap each driver explains: target, actual and effect per driver, then the total. */
export function DriversTable({ code, period, scope }: { code: string; period: string; scope: ScopeT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const drivers = useDrivers(code, period, scope);
  if (drivers.error) return <Alert type="info" showIcon title={drivers.error.message} />;
  const d = drivers.data;
  const n = (v: number) => formatNumber(v, lang);
  const signed = (v: number) => (v > 0 ? `+${n(v)}` : n(v));
  const rows = d ? [...d.effects.map((e) => ({ key: e.code, name: lang === 'en' ? (e.nameEn ?? e.name) : e.name, target: n(e.target), actual: n(e.actual), effect: signed(e.effect) })), { key: '_total', name: t('diagnostics.drivers.total'), target: n(d.target), actual: n(d.actual), effect: signed(d.gap) }] : [];
  return (
    <ExportTable exportName="driver-decomposition"
      data-testid={`drivers-${code}`}
      size="small"
      loading={drivers.isLoading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        { title: t('diagnostics.drivers.driver'), dataIndex: 'name' },
        { title: t('diagnostics.target'), dataIndex: 'target', align: 'right' },
        { title: t('diagnostics.actual'), dataIndex: 'actual', align: 'right' },
        { title: t('diagnostics.drivers.effect'), dataIndex: 'effect', align: 'right', render: (v: string) => <strong style={{ color: v.startsWith('-') || v.startsWith('−') ? '#cf1322' : '#389e0d' }}>{v}</strong> },
      ]}
    />
  );
}
