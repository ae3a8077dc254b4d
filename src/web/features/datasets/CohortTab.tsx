import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { datasetCohorts } from './datasets-api';
import { formatGroup, formatRate, heatCells, type HeatCell } from './display';
import { isTimeColumn } from './query-form';
import type { DatasetT } from './types';
import { FirstChannelTable } from './FirstChannelTable';
import { ExportTable } from '../../shell/ExportTable';

const CohortHeatmap = lazy(() => import('./CohortHeatmap'));
/** The windows of the heat map's columns: returning within N days of the first order. */
export const WINDOWS = [30, 90, 180, 365] as const;
type CohortGrain = 'month' | 'quarter' | 'year';

/** Cohorts: customers by the period of their first event, and the share returning within 30, 90, 180 and 365 days. */
export function CohortTab({ dataset }: { dataset: DatasetT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const ids = dataset.columns.filter((c) => c.type === 'text' || c.type === 'integer');
  const dates = dataset.columns.filter(isTimeColumn);
  const [customer, setCustomer] = useState(ids.find((c) => /customer|khach|kh_/.test(c.name))?.name ?? ids[0]?.name ?? '');
  const [date, setDate] = useState(dates[0]?.name ?? '');
  const [grain, setGrain] = useState<CohortGrain>('month');
  const [firstBy, setFirstBy] = useState<string | undefined>(undefined);
  const run = useMutation({
    mutationFn: () => Promise.all(WINDOWS.map((within) => datasetCohorts(dataset.name, { customer, date, within, cohort: grain }))),
  });
  // Returning within the longest window per value of the first order (e.g. its channel): one more statement.
  const byFirst = useMutation({ mutationFn: (column: string) => datasetCohorts(dataset.name, { customer, date, within: WINDOWS.at(-1)!, cohort: grain, firstBy: column }) });
  const runAll = () => {
    run.mutate();
    if (firstBy) byFirst.mutate(firstBy);
    else byFirst.reset();
  };
  const heat = run.data ? heatCells(WINDOWS, run.data) : null;
  const byCohort = heat ? heat.cohorts.map((cohort) => ({ cohort, cells: heat.cells.filter((c) => c.cohort === cohort) })) : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dataset-cohorts">
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="cohort-definition">
          <b>{t('datasets.cohorts.returningTitle')}</b> {t('datasets.cohorts.returningDefinition')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          <b>{t('datasets.cohorts.repeatTitle')}</b> {t('datasets.cohorts.repeatDefinition')}
        </Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Select style={{ width: 260, maxWidth: '100%' }} value={customer} onChange={setCustomer} options={ids.map((c) => ({ value: c.name, label: c.label }))} aria-label={t('datasets.cohorts.customer')} data-testid="cohort-customer" prefix={`${t('datasets.cohorts.customer')}:`} />
          <Select style={{ width: 260, maxWidth: '100%' }} value={date} onChange={setDate} options={dates.map((c) => ({ value: c.name, label: c.label }))} aria-label={t('datasets.cohorts.date')} data-testid="cohort-date" prefix={`${t('datasets.cohorts.date')}:`} />
          <Select<CohortGrain>
            style={{ width: 150 }}
            value={grain}
            onChange={setGrain}
            options={(['month', 'quarter', 'year'] as const).map((g) => ({ value: g, label: t(`datasets.grains.${g}`) }))}
            aria-label={t('datasets.cohorts.grain')}
            data-testid="cohort-grain"
          />
          <Select
            allowClear
            style={{ width: 260, maxWidth: '100%' }}
            value={firstBy}
            onChange={setFirstBy}
            options={ids.map((c) => ({ value: c.name, label: c.label }))}
            placeholder={t('marketing.firstBy.pick')}
            data-testid="cohort-first-by"
          />
          <Button type="primary" onClick={runAll} loading={run.isPending} disabled={!customer || !date} data-testid="cohort-run">
            {t('datasets.cohorts.run')}
          </Button>
        </div>
        {dates.length === 0 && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('datasets.cohorts.noDate')} />}
      </Card>
      {run.error && <Alert type="error" showIcon title={run.error.message} data-testid="cohort-error" />}
      {byFirst.data && firstBy && <FirstChannelTable result={byFirst.data} column={firstBy} within={WINDOWS.at(-1)!} />}
      {heat && !run.isPending && (
        <>
          {heat.cohorts.length > 0 && (
            <Suspense fallback={<Spin />}>
              <CohortHeatmap cohorts={heat.cohorts} cells={heat.cells} windows={WINDOWS} />
            </Suspense>
          )}
          <ExportTable<{ cohort: string; cells: HeatCell[] }> exportName="cohorts"
            data-testid="cohort-table"
            size="small"
            rowKey="cohort"
            dataSource={byCohort}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('datasets.cohorts.cohort'), dataIndex: 'cohort', render: (c: string) => formatGroup(c, lang) },
              { title: t('datasets.cohorts.customers'), key: 'customers', align: 'right', render: (_, r) => (r.cells[0]?.customers ?? 0).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US') },
              ...WINDOWS.map((within) => ({
                title: t('datasets.cohorts.within', { days: within }),
                key: String(within),
                align: 'right' as const,
                render: (_: unknown, r: { cells: HeatCell[] }) => {
                  const cell = r.cells.find((c) => c.within === within);
                  return cell ? `${formatRate(cell.rate, lang)} (${cell.returning})` : '—';
                },
              })),
            ]}
          />
        </>
      )}
    </Space>
  );
}
