import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { echarts } from '../results/echarts';
import type { ParetoBarT } from './types';

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/**
 * Bars by reason (descending; the vital few in red, the rest grey) with the cumulative-% line on a second axis
 * and a dashed 80 % marker. Clicking a bar picks that reason. Loaded lazily with echarts.
 */
export default function ParetoChart({ bars, selected, onSelect }: { bars: ParetoBarT[]; selected: string | null; onSelect(reason: string): void }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
  const option = {
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bars.map((b) => b.label[lang]), axisLabel: { interval: 0, rotate: 30, formatter: short, fontSize: 11 } },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('diagnostics.count') },
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: pct }, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('diagnostics.count'),
        type: 'bar',
        barMaxWidth: 48,
        data: bars.map((b) => ({
          value: b.count,
          itemStyle: { color: b.vital ? '#cf1322' : '#bfbfbf', opacity: selected === null || selected === b.reason ? 1 : 0.45 },
        })),
      },
      {
        name: t('diagnostics.cumulative'),
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 7,
        itemStyle: { color: '#1f6feb' },
        tooltip: { valueFormatter: (v: number) => pct(v) },
        data: bars.map((b) => b.cumulative),
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#d48806' }, label: { formatter: '80 %', position: 'insideStartTop' }, data: [{ yAxis: 0.8 }] },
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: 320, width: '100%' }}
      onEvents={{ click: (e: { dataIndex: number }) => bars[e.dataIndex] && onSelect(bars[e.dataIndex]!.reason) }}
    />
  );
}
