import { ApartmentOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { formatAchievement, RAG_COLOR, ragOf } from '../results/display';
import { InProgressTag } from '../results/InProgressTag';
import { currentMonthKey, PeriodPicker } from '../results/PeriodPicker';
import { useAskedPeriod } from '../results/use-period-param';
import { useUnitDashboard } from '../results/queries';
import type { UnitRowT } from '../results/types';
import { childrenOf, pathTo } from './unit-drill';
import { UnitKpiTable } from './UnitKpiTable';
import { ExportTable } from '../../shell/ExportTable';

const score = (v: number | null, status: string, lang: 'vi' | 'en') => (
  <span style={{ color: RAG_COLOR[ragOf(status)], fontWeight: 600 }}>{formatAchievement(v, lang)}</span>
);

/** /dashboard — each unit's KPIs and score for a period; click a unit to see the units below it. */
export default function UnitDashboardPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [asked, setPeriod] = useAskedPeriod();
  const [currentId, setCurrentId] = useState<number | null>(null);
  const dashboard = useUnitDashboard(asked);
  // Without a period in the address the server opens on the latest month with data.
  const period = asked ?? dashboard.data?.period.key ?? currentMonthKey();
  // The period the units were evaluated in (the server's pick when none was asked): a unit's rows are read for it.
  const shownPeriod = dashboard.data?.period.key;
  const units = dashboard.data?.units ?? [];
  const current = units.find((u) => u.id === currentId);
  const rows = childrenOf(units, currentId);
  const hasChildren = (id: number) => units.some((u) => u.parentId === id);

  return (
    <div data-testid="dashboard-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Space wrap>
          {dashboard.data?.period.inProgress && <InProgressTag testId="dashboard-in-progress" />}
          <PeriodPicker value={period} onChange={setPeriod} />
        </Space>
      </Space>
      {dashboard.error && <Alert type="error" showIcon title={dashboard.error.message} />}
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="dashboard-breadcrumb"
        items={[
          { title: <a onClick={() => setCurrentId(null)}>{t('dashboard.allUnits')}</a> },
          ...pathTo(units, currentId).map((u) => ({ title: <a onClick={() => setCurrentId(u.id)}>{u.name}</a> })),
        ]}
      />
      {current && (
        <Card
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="dashboard-current"
          title={
            <Space>
              {current.name}
              <Tag>{current.code}</Tag>
              <span>
                {t('dashboard.score')}: {score(current.score, current.status, lang)}
              </span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t('dashboard.rolledScore')}: {score(current.rolledScore, current.rolledStatus, lang)}
              </Typography.Text>
            </Space>
          }
          styles={current.kpiCount === 0 ? { body: { display: 'none' } } : undefined}
        >
          {current.kpiCount > 0 && shownPeriod && <UnitKpiTable unitId={current.id} period={shownPeriod} testId="dashboard-unit-kpis" />}
        </Card>
      )}
      {rows.length > 0 && (
        <ExportTable<UnitRowT> exportName="unit-dashboard"
          data-testid="dashboard-units"
          size="middle"
          rowKey="id"
          loading={dashboard.isFetching && !dashboard.data}
          dataSource={rows}
          pagination={false}
          expandable={{
            rowExpandable: (u) => u.kpiCount > 0,
            expandedRowRender: (u) => shownPeriod && <UnitKpiTable unitId={u.id} period={shownPeriod} />,
          }}
          columns={[
            {
              title: t('dashboard.unit'),
              dataIndex: 'name',
              sorter: (a, b) => a.name.localeCompare(b.name, lang),
              render: (name: string, u) => (
                <Space>
                  <Button type="link" style={{ padding: 0 }} onClick={() => setCurrentId(u.id)} data-testid={`dashboard-unit-${u.code}`}>
                    {name}
                  </Button>
                  {hasChildren(u.id) && <ApartmentOutlined style={{ color: '#8c8c8c' }} title={t('dashboard.drill')} />}
                </Space>
              ),
            },
            {
              title: t('dashboard.score'),
              dataIndex: 'score',
              align: 'right',
              sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
              render: (v: number | null, u) => score(v, u.status, lang),
            },
            {
              title: t('dashboard.rolledScore'),
              dataIndex: 'rolledScore',
              align: 'right',
              defaultSortOrder: undefined,
              sorter: (a, b) => (a.rolledScore ?? -1) - (b.rolledScore ?? -1),
              render: (v: number | null, u) => score(v, u.rolledStatus, lang),
            },
            { title: t('dashboard.kpiCount'), dataIndex: 'kpiCount', align: 'right', sorter: (a, b) => a.kpiCount - b.kpiCount },
            {
              title: t('dashboard.statusCounts'),
              key: 'counts',
              sorter: (a, b) => a.red - b.red,
              render: (_: unknown, u) => (
                <Space size={4}>
                  <Tag color="success">{u.green}</Tag>
                  <Tag color="warning">{u.amber}</Tag>
                  <Tag color="error">{u.red}</Tag>
                  <Tag>{u.none}</Tag>
                </Space>
              ),
            },
          ]}
        />
      )}
      {dashboard.data && rows.length === 0 && !current && <Alert type="info" showIcon title={t('dashboard.empty')} />}
    </div>
  );
}
