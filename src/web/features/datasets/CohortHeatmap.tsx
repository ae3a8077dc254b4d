import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { formatGroup, formatRate, type HeatCell } from './display';
import { echarts } from './echarts';

/** Cohorts (rows) × return windows (columns), each cell the returning rate, darker when higher. Loaded lazily. */
export default function CohortHeatmap({ cohorts, cells, windows }: { cohorts: string[]; cells: HeatCell[]; windows: readonly number[] }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const max = Math.max(0.01, ...cells.map((c) => c.rate));
  const option = {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      formatter: (p: { data: [number, number, number] }) => {
        const cell = cells.find((c) => c.within === windows[p.data[0]] && c.cohort === cohorts[p.data[1]]);
        return cell ? t('datasets.cohorts.tooltip', { cohort: formatGroup(cell.cohort, lang), days: cell.within, returning: cell.returning, customers: cell.customers, rate: formatRate(cell.rate, lang) }) : '';
      },
    },
    xAxis: { type: 'category', data: windows.map((w) => t('datasets.cohorts.within', { days: w })), splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: cohorts.map((c) => formatGroup(c, lang)), splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f0f5ff', '#1f6feb', '#0b3d91'] }, formatter: (v: number) => formatRate(v, lang) },
    series: [
      {
        type: 'heatmap',
        data: cells.map((c) => [windows.indexOf(c.within), cohorts.indexOf(c.cohort), c.rate]),
        label: { show: true, formatter: (p: { data: [number, number, number] }) => formatRate(p.data[2], lang), fontSize: 11 },
      },
    ],
  };
  const height = Math.min(900, 90 + cohorts.length * 28);
  return (
    <div data-testid="cohort-heatmap">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height, width: '100%' }} notMerge />
    </div>
  );
}
