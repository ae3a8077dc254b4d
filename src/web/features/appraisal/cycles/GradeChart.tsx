import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { echarts } from '../../results/echarts';
import { formatPercent } from './display';
import type { CalibrationT } from './types';

/** Share of people per grade (bars, red when above target) against the target distribution. Loaded lazily. */
export default function GradeChart({ distribution }: { distribution: CalibrationT['distribution'] }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const pct = (v: unknown) => (typeof v === 'number' ? formatPercent(v, lang) : '—');
  const option = {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: pct },
    xAxis: { type: 'category', data: distribution.map((d) => d.grade) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => pct(v) } },
    series: [
      {
        name: t('appraisal.calibration.actualShare'),
        type: 'bar',
        barMaxWidth: 40,
        data: distribution.map((d) => ({ value: d.share, itemStyle: { color: d.over ? '#cf1322' : '#1f6feb' } })),
      },
      {
        name: t('appraisal.calibration.targetShare'),
        type: 'bar',
        barMaxWidth: 40,
        itemStyle: { color: '#bfbfbf' },
        data: distribution.map((d) => d.target),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260, width: '100%' }} notMerge />;
}
