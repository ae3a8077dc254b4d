import { Alert, Button, Col, InputNumber, Modal, Row, Segmented, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodTarget } from '../../../core/target';
import { formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { periodLabel } from '../results/periods';
import { useActuals } from '../results/queries';
import { formatKpiValue } from './format-value';
import { lastYearShares, type PeriodActual } from './last-year-shares';
import { periodRange, splitYear, type SplitGranularity } from './split-targets';
import { ValueInput } from './ValueInput';
import { periodsBetween } from '../../../core/period';
import { ExportTable } from '../../shell/ExportTable';

interface Props {
  open: boolean;
  /** The saved KPI's code; absent while a new KPI is being created (no actuals yet). */
  kpiCode?: string | undefined;
  onClose(): void;
  unit: string | null | undefined;
  aggregation: string;
  /** The yearly target already in the form for `year`, if any. */
  yearTotal: (year: number) => number | undefined;
  defaultYear: number;
  defaultGranularity: SplitGranularity;
  onApply(year: number, total: number, parts: PeriodTarget[]): void;
}

type Mode = 'even' | 'weights' | 'lastYear';

function stepOptions(unit: string | null | undefined, lang: 'vi' | 'en'): { value: number; label: string }[] {
  const steps = unit === 'VND' ? [1, 1000, 1_000_000, 1_000_000_000] : unit === '%' ? [0.0001, 0.001, 0.01] : [0.01, 0.1, 1, 10, 100];
  return steps.map((s) => ({ value: s, label: formatKpiValue(s, unit, lang) }));
}

/**
 * Yearly total → months or quarters, evenly, by seasonality weights or by last year's actuals, rounded to a step;
 * the parts add up exactly. The KPI's company actuals are fetched once the tool is first opened.
 */
export function SplitTool(props: Props) {
  const [opened, setOpened] = useState(false);
  if (props.open && props.kpiCode && !opened) setOpened(true);
  return opened && props.kpiCode ? <SplitToolWithActuals {...props} kpiCode={props.kpiCode} /> : <SplitToolView {...props} actuals={undefined} />;
}

function SplitToolWithActuals(props: Props & { kpiCode: string }) {
  const actuals = useActuals(props.kpiCode, 'company');
  // A failed read leaves nothing to share by: the mode is disabled as for a KPI without actuals.
  return <SplitToolView {...props} actuals={actuals.isError ? [] : actuals.data} />;
}

function SplitToolView({ open, onClose, kpiCode, unit, aggregation, yearTotal, defaultYear, defaultGranularity, onApply, actuals }: Props & { actuals: readonly PeriodActual[] | undefined }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const additive = aggregation === 'sum';
  const [year, setYear] = useState(defaultYear);
  const [granularity, setGranularity] = useState<SplitGranularity>(defaultGranularity);
  const [total, setTotal] = useState<number | null>(null);
  const [mode, setMode] = useState<Mode>('even');
  const [weights, setWeights] = useState<number[]>(() => new Array<number>(12).fill(1));
  const [step, setStep] = useState<number>(unit === 'VND' ? 1_000_000 : unit === '%' ? 0.0001 : 1);

  useEffect(() => {
    if (!open) return;
    setYear(defaultYear);
    setGranularity(defaultGranularity);
    setTotal(yearTotal(defaultYear) ?? null);
    setStep(unit === 'VND' ? 1_000_000 : unit === '%' ? 0.0001 : 1);
    // Only when the tool opens: later edits belong to the user.
  }, [open]);

  const periods = useMemo(() => {
    const r = periodRange(year, granularity);
    return periodsBetween(r.from, r.to);
  }, [year, granularity]);
  const usedWeights = weights.slice(0, periods.length);
  while (usedWeights.length < periods.length) usedWeights.push(1);

  const lastYear = useMemo(() => lastYearShares({ kpiCode, actuals, year, granularity }), [kpiCode, actuals, year, granularity]);
  const byLastYear = additive && mode === 'lastYear';

  const result = useMemo(() => {
    if (total === null) return null;
    if (!additive) return { ok: true as const, parts: periods.map((period) => ({ period, value: total })), sum: null, difference: 0 };
    if (mode === 'lastYear' && !lastYear.ok) return null;
    return splitYear({
      total,
      year,
      granularity,
      step,
      ...(mode === 'weights' && { weights: usedWeights }),
      ...(mode === 'lastYear' && lastYear.ok && { lastYearActuals: lastYear.values }),
    });
    // usedWeights is derived from weights and periods
  }, [total, year, granularity, step, mode, weights, additive, periods, lastYear]);
  const lastYearWhyNot = lastYear.ok
    ? undefined
    : t(lastYear.reason === 'newKpi' ? 'kpi.split.lastYearNewKpi' : lastYear.reason === 'loading' ? 'kpi.split.lastYearLoading' : 'kpi.split.lastYearNone', { year: year - 1 });

  const weightSum = usedWeights.reduce((a, b) => a + b, 0);

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('kpi.split.title')}
      width={720}
      destroyOnHidden
      data-testid="split-tool"
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="split-apply"
            disabled={!result?.ok || total === null}
            onClick={() => {
              if (result?.ok && total !== null) onApply(year, total, result.parts);
            }}
          >
            {t('kpi.split.apply')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {!additive && <Alert type="info" showIcon title={t('kpi.split.notAdditive')} />}
        <Row gutter={12}>
          <Col span={8}>
            <Typography.Text type="secondary">{t('kpi.split.total')}</Typography.Text>
            <ValueInput value={total} onChange={setTotal} unit={unit} testId="split-total" />
          </Col>
          <Col span={4}>
            <Typography.Text type="secondary">{t('kpi.split.year')}</Typography.Text>
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} style={{ width: '100%' }} data-testid="split-year" />
          </Col>
          <Col span={6}>
            <Typography.Text type="secondary">{t('kpi.split.into')}</Typography.Text>
            <Segmented<SplitGranularity>
              block
              value={granularity}
              onChange={setGranularity}
              options={[
                { value: 'month', label: t('kpi.split.months') },
                { value: 'quarter', label: t('kpi.split.quarters') },
              ]}
              data-testid="split-granularity"
            />
          </Col>
          {additive && (
            <Col span={6}>
              <Typography.Text type="secondary">{t('kpi.split.step')}</Typography.Text>
              <Select value={step} onChange={setStep} options={stepOptions(unit, lang)} style={{ width: '100%' }} data-testid="split-step" />
            </Col>
          )}
        </Row>
        {additive && (
          <Segmented<Mode>
            value={mode}
            onChange={setMode}
            options={[
              { value: 'even', label: t('kpi.split.even') },
              { value: 'weights', label: t('kpi.split.byWeights') },
              { value: 'lastYear', label: <span data-testid="split-mode-last-year">{t('kpi.split.byLastYear')}</span>, disabled: !lastYear.ok, ...(lastYearWhyNot && { tooltip: lastYearWhyNot }) },
            ]}
            data-testid="split-mode"
          />
        )}
        {additive && mode === 'weights' && (
          <Row gutter={[8, 8]}>
            {periods.map((p, i) => (
              <Col span={granularity === 'month' ? 4 : 6} key={p}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {periodLabel(p, lang)}
                </Typography.Text>
                <InputNumber
                  size="small"
                  min={0}
                  value={usedWeights[i]}
                  onChange={(v) => setWeights((w) => Object.assign([...w], { [i]: v ?? 0 }))}
                  style={{ width: '100%' }}
                  data-testid={`split-weight-${i}`}
                />
              </Col>
            ))}
          </Row>
        )}
        {byLastYear && lastYear.ok && (
          <Typography.Text type="secondary" data-testid="split-last-year-hint">
            {t('kpi.split.lastYearHint', { year: year - 1, total: formatKpiValue(lastYear.total, unit, lang) })}
          </Typography.Text>
        )}
        {byLastYear && lastYearWhyNot && <Alert type="warning" showIcon title={lastYearWhyNot} data-testid="split-last-year-unavailable" />}
        {result && !result.ok && <Alert type="error" showIcon title={result.error[lang]} data-testid="split-error" />}
        {result?.ok && (
          <>
            <ExportTable exportName="target-split"
              size="small"
              pagination={false}
              rowKey="period"
              dataSource={result.parts}
              scroll={{ y: 260 }}
              data-testid="split-preview"
              columns={[
                { title: t('kpi.target.period'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
                { title: t('kpi.target.value'), dataIndex: 'value', align: 'right', render: (v: number) => formatKpiValue(v, unit, lang) },
                ...(additive && mode === 'weights'
                  ? [{ title: t('kpi.split.weight'), key: 'w', align: 'right' as const, render: (_: unknown, __: unknown, i: number) => formatNumber(((usedWeights[i] ?? 0) / (weightSum || 1)) * 100, lang, 1) + '%' }]
                  : []),
                ...(byLastYear && lastYear.ok
                  ? [
                      {
                        title: t('kpi.split.lastYearActual', { year: year - 1 }),
                        key: 'ly',
                        align: 'right' as const,
                        render: (_: unknown, __: unknown, i: number) => formatKpiValue(lastYear.values[i] ?? 0, unit, lang),
                      },
                      {
                        title: t('kpi.split.weight'),
                        key: 'lyShare',
                        align: 'right' as const,
                        render: (_: unknown, __: unknown, i: number) => formatNumber(((lastYear.values[i] ?? 0) / lastYear.total) * 100, lang, 1) + '%',
                      },
                    ]
                  : []),
              ]}
            />
            {result.sum !== null && total !== null && (
              <Alert
                type={result.difference === 0 ? 'success' : 'error'}
                showIcon
                data-testid="split-sum"
                title={t(result.difference === 0 ? 'kpi.split.sumOk' : 'kpi.split.sumOff', {
                  sum: formatKpiValue(result.sum, unit, lang),
                  total: formatKpiValue(total, unit, lang),
                })}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
