import { useQueries } from '@tanstack/react-query';
import { Card, Empty, Grid, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../../api';
import { useSession, userCan, useUser } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { kpiName } from '../kpi/KpiStatusTag';
import { useKpiList } from '../kpi/queries';
import { formatAchievement, RAG_COLOR, ragOf } from './display';
import { InProgressTag } from './InProgressTag';
import { myKpiRows, paceToShow, type MyKpiRow } from './my-kpi-rows';
import { browserToday, periodLabel } from './periods';
import { resultsKeys } from './queries';
import type { KpiSeriesT, ScorecardT } from './types';
import { ExportTable } from '../../shell/ExportTable';

type Row = MyKpiRow & { series: KpiSeriesT | undefined };

/**
 * "KPI của tôi": first the KPIs where the signed-in person has a personal target (their own scope), then the
 * KPIs they own or measure (company scope), each with its target, actual, pace and what is still needed.
 */
export function MyKpis() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const me = user.personId;
  const readsOwn = me !== null && user.unitId !== null && userCan(user, 'numbers.read', { scope: 'person', personId: me, unitId: user.unitId });
  const personScope = readsOwn ? `person:${me}` : null;
  const list = useKpiList({ status: 'active' });
  // Personal targets of this month and of this year (a yearly 36 tỷ or a monthly split both count).
  const today = browserToday();
  const periods = [today.slice(0, 7), today.slice(0, 4)];
  const cards = useQueries({
    queries: periods.map((period) => ({
      queryKey: resultsKeys.scorecard(period, personScope ?? ''),
      queryFn: () => api<ScorecardT>('GET', `/api/scorecard${query({ period, scope: personScope })}`),
      enabled: personScope !== null,
      retry: false,
    })),
  });
  const rows = myKpiRows(list.data ?? [], me, cards.map((c) => c.data));
  const series = useQueries({
    queries: rows.map((r) => ({
      queryKey: resultsKeys.series(r.kpi.code, r.scope),
      queryFn: () => api<KpiSeriesT>('GET', `/api/kpis/${encodeURIComponent(r.kpi.code)}/series${query({ scope: r.scope })}`),
    })),
  });
  const withSeries: Row[] = rows.map((r, i) => ({ ...r, series: series[i]?.data }));
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;

  const nameCell = (r: Row) => (
    <Space orientation="vertical" size={0} data-testid={`my-row-${r.kpi.code}-${r.personal ? 'person' : 'company'}`}>
      <Link to={`/kpis/${encodeURIComponent(r.kpi.code)}`} data-testid={`my-kpi-${r.kpi.code}`}>
        {kpiName(r.kpi, lang)}
      </Link>
      <Space size={4} wrap>
        <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
          {r.kpi.code}
        </Typography.Text>
        {r.personal && (
          <Tag color="blue" style={{ fontSize: 11 }}>
            {t('numbers.personal')}
          </Tag>
        )}
        {r.roles.map((role) => (
          <Tag key={role} style={{ fontSize: 11 }}>
            {t(`results.mine.${role}`)}
          </Tag>
        ))}
      </Space>
    </Space>
  );
  const periodCell = (r: Row) => {
    const p = r.series && paceToShow(r.series);
    if (!p) return '—';
    // Pace is about the period running today: say so.
    return (
      <Space size={4} wrap>
        {periodLabel(p.period.key, lang)}
        {p.remainingDays > 0 && p.elapsedDays > 0 && <InProgressTag days={{ elapsed: p.elapsedDays, total: p.totalDays }} testId={`my-in-progress-${r.kpi.code}`} />}
      </Space>
    );
  };
  const actualCell = (r: Row) => {
    const p = r.series && paceToShow(r.series);
    return p?.hasActual ? formatKpiValue(p.actualToDate, r.kpi.unit, lang) : '—';
  };
  const targetCell = (r: Row) => <span data-testid={`my-target-${r.kpi.code}`}>{formatKpiValue(r.series && paceToShow(r.series)?.target, r.kpi.unit, lang)}</span>;
  const paceCell = (r: Row) => {
    const p = r.series && paceToShow(r.series);
    if (!p) return <Typography.Text type="secondary">—</Typography.Text>;
    // Nothing reported yet is not "behind": there is nothing to judge.
    if (!p.hasActual) return <Tag data-testid={`my-pace-${r.kpi.code}`}>{t('numbers.noCheckin')}</Tag>;
    return (
      <Space orientation="vertical" size={0}>
        <Tag color={p.onTrack ? 'success' : 'error'} data-testid={`my-pace-${r.kpi.code}`}>
          {p.onTrack ? t('results.pace.onTrack') : t('results.pace.behind')}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('results.pace.forecast')}: {formatKpiValue(p.forecast, r.kpi.unit, lang)}
        </Typography.Text>
      </Space>
    );
  };
  const neededCell = (r: Row) => {
    const p = r.series && paceToShow(r.series);
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
  };
  const ytdCell = (r: Row) => {
    const y = r.series?.ytd;
    return y ? <span style={{ color: RAG_COLOR[ragOf(y.status)], fontWeight: 600 }}>{formatAchievement(y.achievement, lang)}</span> : '—';
  };
  const line = (label: string, value: ReactNode) => (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <span style={{ textAlign: 'right' }}>{value}</span>
    </div>
  );

  return (
    <Card title={t('numbers.mineTitle')} size="small" style={{ marginTop: 16 }} data-testid="my-kpis">
      {me === null || (list.data && rows.length === 0) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.mine.none')} />
      ) : phone ? (
        // On a phone each KPI is a small card: the numbers that matter stay on screen without scrolling sideways.
        <List<Row>
          dataSource={withSeries}
          loading={list.isLoading}
          rowKey={(r) => `${r.kpi.code}@${r.scope}`}
          renderItem={(r) => (
            <List.Item style={{ display: 'block' }}>
              {nameCell(r)}
              <div style={{ marginTop: 6, display: 'grid', gap: 2 }}>
                {line(t('results.period'), periodCell(r))}
                {line(t('results.target'), targetCell(r))}
                {line(t('results.actual'), actualCell(r))}
                {line(t('results.pace.title'), paceCell(r))}
                {line(t('results.pace.stillNeeded'), neededCell(r))}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <ExportTable<Row> exportName="my-kpis"
          size="small"
          rowKey={(r) => `${r.kpi.code}@${r.scope}`}
          loading={list.isLoading}
          dataSource={withSeries}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'KPI', key: 'kpi', render: (_: unknown, r) => nameCell(r) },
            { title: t('results.period'), key: 'period', render: (_: unknown, r) => periodCell(r) },
            { title: t('results.actual'), key: 'actual', align: 'right', render: (_: unknown, r) => actualCell(r) },
            { title: t('results.target'), key: 'target', align: 'right', render: (_: unknown, r) => targetCell(r) },
            { title: t('results.pace.title'), key: 'pace', render: (_: unknown, r) => paceCell(r) },
            { title: t('results.pace.stillNeeded'), key: 'needed', align: 'right', render: (_: unknown, r) => neededCell(r) },
            { title: t('results.ytd'), key: 'ytd', align: 'right', render: (_: unknown, r) => ytdCell(r) },
          ]}
        />
      )}
    </Card>
  );
}
