import { ReloadOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitOrCompany, useSession, userCan, userCanAtAll, useUser } from '../../../session';
import { useUnits } from '../../org/queries';
import { periodLabel } from '../../results/periods';
import { useActuals } from '../../results/queries';
import { formatKpiValue } from '../format-value';
import type { KpiT } from '../types';
import { useBinding, useRecompute } from './queries';
import { RowsDrawer } from './RowsDrawer';
import { ExportTable } from '../../../shell/ExportTable';

/**
 * On the KPI page of a KPI with source `dataset`: its binding (dataset, measure, date column, scope mapping), the
 * values the data gives per period for the company or a mapped scope, and for each a link to the rows behind it.
 */
export function BindingCard({ kpi }: { kpi: KpiT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const { message } = App.useApp();
  const binding = useBinding(kpi.code);
  const units = useUnits();
  const [scope, setScope] = useState('company');
  const [period, setPeriod] = useState<string | null>(null);
  const actuals = useActuals(kpi.code, scope);
  const recompute = useRecompute(kpi.code);
  const b = binding.data;
  const unitName = (id: number) => units.data?.find((u) => u.id === id)?.name ?? `#${id}`;
  const scopeName = (key: string) => (key === 'company' ? t('kpiBinding.company') : key.startsWith('unit:') ? unitName(Number(key.slice(5))) : key);
  const mapped = [...new Set((b?.scopes ?? []).map((m) => `${m.scope.type}:${m.scope.id}`))];
  const canDrill = userCanAtAll(user, 'dataset.read');

  return (
    <Card size="small" title={t('kpiBinding.title')} style={{ marginBottom: 12 }} data-testid="kpi-binding-card">
      {!b ? (
        <Typography.Text type="secondary" data-testid="kpi-binding-none">
          {binding.isLoading ? '…' : t('kpiBinding.none')}
        </Typography.Text>
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('kpiBinding.dataset')}>
              <Typography.Text code data-testid="kpi-binding-dataset">{b.dataset}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('kpiBinding.dateColumn')}>
              <Typography.Text code>{b.dateColumn}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('kpiBinding.measure')} span="filled">
              <Typography.Text code data-testid="kpi-binding-measure">{b.measure}</Typography.Text>
            </Descriptions.Item>
            {b.scopeColumn && (
              <Descriptions.Item label={t('kpiBinding.scopeMapping', { column: b.scopeColumn })} span="filled">
                <Space wrap>
                  {b.scopes.map((m) => (
                    <Tag key={m.value}>
                      {m.value} → {m.scope.type === 'unit' ? unitName(m.scope.id) : `#${m.scope.id}`}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap style={{ margin: '12px 0', justifyContent: 'space-between', width: '100%' }}>
            <Segmented
              value={scope}
              onChange={(v) => setScope(String(v))}
              options={['company', ...mapped].map((k) => ({ value: k, label: scopeName(k) }))}
              data-testid="kpi-binding-scope"
            />
            {userCan(user, 'kpi.edit', unitOrCompany(kpi.ownerUnitId)) && (
              <Button
                icon={<ReloadOutlined />}
                loading={recompute.isPending}
                data-testid="kpi-binding-recompute"
                onClick={() =>
                  recompute.mutateAsync().then(
                    (r) => void message.success(t('kpiBinding.recomputed', { inserted: r.inserted, updated: r.updated, skipped: r.skipped.length })),
                    (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)),
                  )
                }
              >
                {t('kpiBinding.recompute')}
              </Button>
            )}
          </Space>
          <ExportTable exportName="kpi-bound-values"
            size="small"
            rowKey="period"
            loading={actuals.isFetching}
            dataSource={[...(actuals.data ?? [])].sort((x, y) => y.period.localeCompare(x.period))}
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            data-testid="kpi-binding-values"
            locale={{ emptyText: t('kpiBinding.noValues') }}
            columns={[
              { title: t('kpiBinding.period'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
              { title: t('kpiBinding.value'), dataIndex: 'value', align: 'right', render: (v: number) => formatKpiValue(v, kpi.unit, lang) },
              {
                title: '',
                key: 'rows',
                align: 'right',
                render: (_: unknown, a: { period: string }) =>
                  canDrill && (
                    <Button size="small" type="link" icon={<TableOutlined />} onClick={() => setPeriod(a.period)} data-testid={`kpi-rows-${a.period}`}>
                      {t('kpiBinding.rows')}
                    </Button>
                  ),
              },
            ]}
          />
        </>
      )}
      <RowsDrawer code={kpi.code} period={period} scope={scope} scopeName={scopeName(scope)} onClose={() => setPeriod(null)} />
    </Card>
  );
}
