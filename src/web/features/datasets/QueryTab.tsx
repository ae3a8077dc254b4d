import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { queryDataset } from './datasets-api';
import { formatGroup, formatMeasure, MEASURE_FORMATS, type MeasureFormat } from './display';
import { byItems, defaultQuery, isTimeColumn, type GroupDraft, type MeasureDraft } from './query-form';
import { GRAINS, type DatasetT, type MeasureQueryResultT } from './types';
import { ExportTable } from '../../shell/ExportTable';

const QueryChart = lazy(() => import('./QueryChart'));
const MAX_MEASURES = 20;
const MAX_BY = 4;

/** The query builder: measures (expressions), group by columns with a grain, a where filter → table and chart. */
export function QueryTab({ dataset }: { dataset: DatasetT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const initial = defaultQuery(dataset.columns);
  const [measures, setMeasures] = useState<MeasureDraft[]>(initial.measures);
  const [by, setBy] = useState<GroupDraft[]>(initial.by);
  const [where, setWhere] = useState('');
  const run = useMutation({
    mutationFn: () => queryDataset(dataset.name, { measures: measures.map(({ name, expression }) => ({ name, expression })), by: byItems(by), where: where.trim() || undefined }),
  });
  // The formats the result was asked with (the drafts may change after).
  const [shownFormats, setShownFormats] = useState<Record<string, MeasureFormat>>({});
  const submit = () => {
    setShownFormats(Object.fromEntries(measures.map((m) => [m.name, m.format])));
    run.mutate();
  };
  const column = (name: string) => dataset.columns.find((c) => c.name === name);
  const setMeasure = (i: number, patch: Partial<MeasureDraft>) => setMeasures(measures.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const setGroup = (i: number, patch: Partial<GroupDraft>) => setBy(by.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const result: MeasureQueryResultT | undefined = run.data;
  // The result's columns that are no measure it was asked for.
  const groupColumns = result ? result.columns.filter((c) => !(c in shownFormats)) : [];
  const error = run.error;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dataset-query">
      <Card size="small" title={t('datasets.query.measures')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {measures.map((m, i) => (
            <div key={i} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              <Input style={{ width: 140 }} value={m.name} onChange={(e) => setMeasure(i, { name: e.target.value })} aria-label={t('datasets.query.measureName')} data-testid={`query-measure-name-${i}`} />
              <Input
                style={{ flex: '1 1 220px', minWidth: 0 }}
                value={m.expression}
                placeholder="sum(revenue) where channel = 'Zalo'"
                onChange={(e) => setMeasure(i, { expression: e.target.value })}
                aria-label={t('datasets.query.expression')}
                data-testid={`query-measure-expression-${i}`}
              />
              <Select<MeasureFormat>
                style={{ width: 130 }}
                value={m.format}
                onChange={(format) => setMeasure(i, { format })}
                options={MEASURE_FORMATS.map((f) => ({ value: f, label: t(`datasets.query.formats.${f}`) }))}
                aria-label={t('datasets.query.format')}
                data-testid={`query-measure-format-${i}`}
              />
              <Button icon={<DeleteOutlined />} disabled={measures.length === 1} onClick={() => setMeasures(measures.filter((_, j) => j !== i))} aria-label={t('datasets.query.remove')} />
            </div>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={measures.length >= MAX_MEASURES}
            onClick={() => setMeasures([...measures, { name: `m${measures.length + 1}`, expression: 'count()', format: 'number' }])}
            data-testid="query-add-measure"
          >
            {t('datasets.query.addMeasure')}
          </Button>
          <Typography.Text type="secondary">{t('datasets.query.measureHelp')}</Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={t('datasets.query.groupBy')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {by.map((b, i) => (
            <div key={i} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              <Select<string>
                style={{ width: 220, maxWidth: '100%' }}
                value={b.column}
                onChange={(c) => setGroup(i, { column: c, grain: isTimeColumn(column(c)) ? 'month' : undefined })}
                options={dataset.columns.map((c) => ({ value: c.name, label: c.label }))}
                aria-label={t('datasets.query.column')}
                data-testid={`query-by-column-${i}`}
              />
              {isTimeColumn(column(b.column)) && (
                <Select
                  style={{ width: 130 }}
                  value={b.grain}
                  onChange={(g) => setGroup(i, { grain: g })}
                  options={GRAINS.map((g) => ({ value: g, label: t(`datasets.grains.${g}`) }))}
                  aria-label={t('datasets.query.grain')}
                  data-testid={`query-by-grain-${i}`}
                />
              )}
              <Button icon={<DeleteOutlined />} onClick={() => setBy(by.filter((_, j) => j !== i))} aria-label={t('datasets.query.remove')} />
            </div>
          ))}
          <Button icon={<PlusOutlined />} disabled={by.length >= MAX_BY} onClick={() => setBy([...by, { column: dataset.columns[0]?.name ?? '' }])} data-testid="query-add-by">
            {t('datasets.query.addGroup')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('datasets.query.where')}>
        <Input value={where} onChange={(e) => setWhere(e.target.value)} placeholder="region = 'Miền Bắc' and quantity >= 2" data-testid="query-where" />
      </Card>
      <Button type="primary" onClick={submit} loading={run.isPending} data-testid="query-run">
        {t('datasets.query.run')}
      </Button>
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="query-error"
          title={error.message}
          description={error instanceof ApiError && error.issues.length > 0 ? error.issues.map((i) => `${i.path}: ${i.message}`).join(' · ') : undefined}
        />
      )}
      {result && !run.isPending && (
        <>
          {groupColumns.length === 1 && result.rows.length > 0 && (
            <Suspense fallback={<Spin />}>
              <QueryChart result={result} groupColumn={groupColumns[0]!} formats={shownFormats} />
            </Suspense>
          )}
          <ExportTable<Record<string, unknown>> exportName="query-result"
            data-testid="query-result"
            size="small"
            rowKey={(_, i) => String(i)}
            dataSource={result.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            columns={result.columns.map((c) => {
              const isGroup = groupColumns.includes(c);
              return {
                key: c,
                title: isGroup ? (column(c)?.label ?? c) : c,
                dataIndex: c,
                align: isGroup ? undefined : ('right' as const),
                render: (v: unknown) => (isGroup ? formatGroup(v, lang) : formatMeasure(v, shownFormats[c] ?? 'number', lang)),
              };
            })}
          />
        </>
      )}
    </Space>
  );
}
