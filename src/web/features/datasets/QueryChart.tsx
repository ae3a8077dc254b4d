import ReactEChartsCore from 'echarts-for-react/esm/core';
import { formatCompact, formatMoneyCompact } from '../../lib/format';
import { useSession } from '../../session';
import { formatGroup, formatMeasure, type MeasureFormat } from './display';
import { echarts } from './echarts';
import type { MeasureQueryResultT } from './types';

/** A result grouped by one column as a chart: the groups on the x axis (a line for periods), one series per measure. Loaded lazily. */
export default function QueryChart({ result, groupColumn, formats }: { result: MeasureQueryResultT; groupColumn: string; formats: Record<string, MeasureFormat> }) {
  const { lang } = useSession();
  const measures = result.columns.filter((c) => c !== groupColumn);
  const periods = /^\d{4}(-(Q\d|W\d{2}|\d{2}(-\d{2})?))?$/.test(String(result.rows[0]?.[groupColumn] ?? ''));
  const axis = (m: string) => (v: number) => (formats[m] === 'money' ? formatMoneyCompact(v, lang) : formats[m] === 'percent' ? formatMeasure(v, 'percent', lang) : formatCompact(v, lang));
  const option = {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: result.rows.map((r) => formatGroup(r[groupColumn], lang)) },
    yAxis: { type: 'value', axisLabel: { formatter: axis(measures[0] ?? '') } },
    series: measures.map((m) => ({
      name: m,
      type: periods ? 'line' : 'bar',
      barMaxWidth: 40,
      data: result.rows.map((r) => r[m]),
      tooltip: { valueFormatter: (v: unknown) => formatMeasure(v, formats[m] ?? 'number', lang) },
    })),
  };
  return (
    <div data-testid="query-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 300, width: '100%' }} notMerge />
    </div>
  );
}
