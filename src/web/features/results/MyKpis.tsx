import { useQueries } from '@tanstack/react-query';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { useSession, useUser } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { kpiName } from '../kpi/KpiStatusTag';
import { useKpiList } from '../kpi/queries';
import type { KpiListItemT } from '../kpi/types';
import { formatAchievement, RAG_COLOR, ragOf } from './display';
import { periodLabel } from './periods';
import { resultsKeys } from './queries';
import type { KpiSeriesT } from './types';

interface Row {
  kpi: KpiListItemT;
  roles: ('owner' | 'measurer')[];
  series: KpiSeriesT | undefined;
}

/** "Của tôi": the signed-in person's KPIs (owner or measurer) with this period's pace and what is still needed. */
export function MyKpis() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const me = user.personId;
  const list = useKpiList({ status: 'active' });
  const mine = (list.data ?? []).filter((k) => me !== null && (k.ownerId === me || k.measurerId === me));
  const series = useQueries({
    queries: mine.map((k) => ({
      queryKey: resultsKeys.series(k.code, 'company'),
      queryFn: () => api<KpiSeriesT>('GET', `/api/kpis/${encodeURIComponent(k.code)}/series`),
    })),
  });
  const rows: Row[] = mine.map((kpi, i) => ({
    kpi,
    roles: [...(kpi.ownerId === me ? (['owner'] as const) : []), ...(kpi.measurerId === me ? (['measurer'] as const) : [])],
    series: series[i]?.data,
  }));

  return (
    <Card title={t('results.mine.title')} size="small" style={{ marginTop: 16 }} data-testid="my-kpis">
      {me === null || (list.data && rows.length === 0) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.mine.none')} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(r) => r.kpi.code}
          loading={list.isLoading}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: 'KPI',
              key: 'kpi',
              render: (_: unknown, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/kpis/${encodeURIComponent(r.kpi.code)}`} data-testid={`my-kpi-${r.kpi.code}`}>
                    {kpiName(r.kpi, lang)}
                  </Link>
                  <Space size={4}>
                    <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                      {r.kpi.code}
                    </Typography.Text>
                    {r.roles.map((role) => (
                      <Tag key={role} style={{ fontSize: 11 }}>
                        {t(`results.mine.${role}`)}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              ),
            },
            { title: t('results.period'), key: 'period', render: (_: unknown, r) => (r.series?.pace.period ? periodLabel(r.series.pace.period.period.key, lang) : '—') },
            {
              title: t('results.actual'),
              key: 'actual',
              align: 'right',
              render: (_: unknown, r) => {
                const p = r.series?.pace.period;
                return p?.hasActual ? formatKpiValue(p.actualToDate, r.kpi.unit, lang) : '—';
              },
            },
            { title: t('results.target'), key: 'target', align: 'right', render: (_: unknown, r) => formatKpiValue(r.series?.pace.period?.target, r.kpi.unit, lang) },
            {
              title: t('results.pace.title'),
              key: 'pace',
              render: (_: unknown, r) => {
                const p = r.series?.pace.period;
                if (!p) return <Typography.Text type="secondary">—</Typography.Text>;
                return (
                  <Space orientation="vertical" size={0}>
                    <Tag color={p.onTrack ? 'success' : 'error'}>{p.onTrack ? t('results.pace.onTrack') : t('results.pace.behind')}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('results.pace.forecast')}: {formatKpiValue(p.forecast, r.kpi.unit, lang)}
                    </Typography.Text>
                  </Space>
                );
              },
            },
            {
              title: t('results.pace.stillNeeded'),
              key: 'needed',
              align: 'right',
              render: (_: unknown, r) => {
                const p = r.series?.pace.period;
                if (!p) return '—';
                if (!p.stillNeeded) return <Typography.Text type="success">{t('results.pace.reached')}</Typography.Text>;
                return (
                  <Space orientation="vertical" size={0} data-testid={`my-needed-${r.kpi.code}`}>
                    <Typography.Text strong>{formatKpiValue(p.stillNeeded.amount, r.kpi.unit, lang)}</Typography.Text>
                    {p.stillNeeded.perWeek !== null && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('results.pace.perWeek', { value: formatKpiValue(p.stillNeeded.perWeek, r.kpi.unit, lang) })}
                      </Typography.Text>
                    )}
                  </Space>
                );
              },
            },
            {
              title: t('results.ytd'),
              key: 'ytd',
              align: 'right',
              render: (_: unknown, r) => {
                const y = r.series?.ytd;
                return y ? <span style={{ color: RAG_COLOR[ragOf(y.status)], fontWeight: 600 }}>{formatAchievement(y.achievement, lang)}</span> : '—';
              },
            },
          ]}
        />
      )}
    </Card>
  );
}
