import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { formatAchievement, formatValueCompact, RAG_COLOR, ragOf } from './display';
import { echarts } from './echarts';
import { periodLabel } from './periods';
import type { KpiSeriesT } from './types';

type Row = { name: string; value: number | null; color?: string; open?: boolean };

interface Props {
  series: KpiSeriesT;
  /** `period`: actual vs target of each period; `ytd`: cumulative actual vs target to date. */
  mode: 'period' | 'ytd';
}

/** Actual vs target per period (bars coloured by RAG status), or year-to-date (lines). Loaded lazily. */
export default function ResultsChart({ series, mode }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const unit = series.kpi.unit;
  const points = series.points;
  const categories = points.map((p) => periodLabel(p.period.key, lang));
  const full = (v: unknown) => (typeof v === 'number' ? formatKpiValue(v, unit, lang) : '—');

  // The year-to-date actual stops at the period containing today: later points would only repeat it.
  const started = (start: string) => start <= series.today;
  const actual: Row[] =
    mode === 'period'
      ? points.map((p) => ({ name: p.period.key, value: p.actual, color: RAG_COLOR[ragOf(p.status)], open: p.inProgress }))
      : points.map((p) => ({ name: p.period.key, value: p.ytd && started(p.period.start) ? p.ytd.actual : null }));
  const target: Row[] = points.map((p) => ({ name: p.period.key, value: mode === 'period' ? p.target : (p.ytd?.target ?? null) }));
  const minimum = mode === 'period' && points.some((p) => p.min !== null) ? points.map((p) => p.min) : null;
  // The period still running: its bar is judged against (and drawn next to) what is expected by today.
  const expected = mode === 'period' && points.some((p) => p.expected !== null) ? points.map((p) => p.expected) : null;

  const actualName = mode === 'period' ? t('results.actual') : t('results.ytdActual');
  const targetName = mode === 'period' ? t('results.target') : t('results.ytdTarget');

  const option = {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' }, // one line on a phone, never over the plot
    tooltip: {
      trigger: 'axis',
      valueFormatter: full,
    },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatValueCompact(v, unit, lang) } },
    series: [
      mode === 'period'
        ? {
            name: actualName,
            type: 'bar',
            barMaxWidth: 28,
            data: actual.map((r) => ({
              value: r.value,
              itemStyle: r.open ? { color: r.color, opacity: 0.6, borderColor: r.color, borderWidth: 1, borderType: 'dashed' } : { color: r.color },
            })),
            itemStyle: { color: RAG_COLOR.green },
          }
        : { name: actualName, type: 'line', data: actual.map((r) => r.value), connectNulls: false, symbolSize: 7, lineStyle: { width: 3 }, itemStyle: { color: '#1f6feb' } },
      {
        name: targetName,
        type: 'line',
        data: target.map((r) => r.value),
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { type: 'dashed', width: 2 },
        itemStyle: { color: '#595959' },
      },
      ...(expected
        ? [{ name: t('numbers.expected'), type: 'line', data: expected, symbol: 'diamond', symbolSize: 10, lineStyle: { opacity: 0 }, itemStyle: { color: '#0958d9' } }]
        : []),
      ...(minimum
        ? [{ name: t('results.threshold'), type: 'line', data: minimum, symbol: 'none', lineStyle: { type: 'dotted', width: 1 }, itemStyle: { color: '#d48806' } }]
        : []),
    ],
  };

  // The numbers behind the canvas, for tests and assistive tools.
  const summary = points.map((p, i) => ({
    period: p.period.key,
    actual: actual[i]?.value ?? null,
    target: target[i]?.value ?? null,
    achievement: mode === 'period' ? formatAchievement(p.achievement, lang) : formatAchievement(p.ytd?.achievement, lang),
    ...(mode === 'period' && p.inProgress && { inProgress: true, expected: p.expected, status: p.status }),
  }));

  return (
    <div data-testid={`results-chart-${mode}`} data-points={JSON.stringify(summary)} role="img" aria-label={`${actualName} / ${targetName}`}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300, width: '100%' }} opts={{ renderer: 'canvas' }} />
    </div>
  );
}
