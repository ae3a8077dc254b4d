import { Alert, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kpiCompanyTarget, useSession, userCan, useUser } from '../../session';
import { useKpi } from '../kpi/queries';
import { useUnits } from '../org/queries';
import { CheckInForm } from './CheckInForm';
import { CheckInHistory } from './CheckInHistory';
import { formatAchievement, RAG_COLOR, ragOf } from './display';
import { InProgressTag } from './InProgressTag';
import { PaceCard } from './PaceCard';
import { ResultsScopePicker, scopeText as textOf, type ResultsScope } from './ResultsScopePicker';
import { periodLabel } from './periods';
import { useActuals, useSeries } from './queries';
import { formatKpiValue } from '../kpi/format-value';

const ResultsChart = lazy(() => import('./ResultsChart'));

/** The "Kết quả / Results" tab of a KPI: charts, year to date, pace, check-in form and history. */
export default function KpiResultsTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const me = user.personId;
  const mePerson = me !== null && user.unitId !== null ? ({ scope: 'person', personId: me, unitId: user.unitId } as const) : null;
  // His own person scope comes first when he has a target of his own for this KPI.
  const ownSeries = useSeries(code, `person:${me ?? 0}`, mePerson !== null && userCan(user, 'numbers.read', mePerson));
  const hasOwnTarget = me !== null && ownSeries.data?.hasTarget === true;
  const [picked, setPicked] = useState<ResultsScope | null>(null);
  const scope: ResultsScope = picked ?? (hasOwnTarget ? { type: 'person', id: me } : { type: 'company' });
  const scopeText = textOf(scope);
  const units = useUnits();
  const kpi = useKpi(code);
  const series = useSeries(code, scopeText);
  const actuals = useActuals(code, scopeText);

  if (series.error) return <Alert type="error" showIcon title={series.error.message} data-testid="results-error" />;
  if (!series.data || ownSeries.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const s = series.data;
  const ytd = s.ytd;
  const computed = kpi.data?.kpi.source === 'formula' || kpi.data?.kpi.source === 'dataset';
  const target =
    scope.type === 'person' ? mePerson : scope.type === 'unit' ? ({ scope: 'unit', unitId: scope.id } as const) : kpi.data ? kpiCompanyTarget(kpi.data.kpi) : null;
  const open = s.points.find((p) => p.inProgress);
  const writable = !computed && kpi.data?.kpi.status !== 'archived' && target !== null && userCan(user, 'actual.write', target);

  return (
    <div data-testid="kpi-results">
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Typography.Text>{t('results.scope')}</Typography.Text>
        <ResultsScopePicker value={scope} onChange={setPicked} units={units.data ?? []} me={hasOwnTarget ? { id: me, name: user.name } : null} />
        {ytd && (
          <Typography.Text data-testid="results-ytd">
            {t('results.ytdSummary', {
              through: periodLabel(ytd.through, lang),
              actual: formatKpiValue(ytd.actual, s.kpi.unit, lang),
              target: formatKpiValue(ytd.target, s.kpi.unit, lang),
            })}{' '}
            <Typography.Text strong style={{ color: RAG_COLOR[ragOf(ytd.status)] }}>
              {formatAchievement(ytd.achievement, lang)}
            </Typography.Text>
          </Typography.Text>
        )}
        {open && open.actual !== null && open.achievement !== null && (
          <Space size={4} wrap data-testid="results-open-period">
            <InProgressTag testId="results-in-progress" />
            <Typography.Text type="secondary">
              {periodLabel(open.period.key, lang)}: {formatKpiValue(open.actual, s.kpi.unit, lang)}
              {open.expected !== null && ` / ${t('numbers.expectedValue', { value: formatKpiValue(open.expected, s.kpi.unit, lang) })}`}{' '}
            </Typography.Text>
            <Typography.Text strong style={{ color: RAG_COLOR[ragOf(open.status)] }}>
              {formatAchievement(open.achievement, lang)}
            </Typography.Text>
          </Space>
        )}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card size="small" title={t('results.chartPeriods')}>
            <Suspense fallback={<Spin />}>
              <ResultsChart series={s} mode="period" />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={t('results.chartYtd')}>
            <Suspense fallback={<Spin />}>
              <ResultsChart series={s} mode="ytd" />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={writable ? 15 : 24}>
          <PaceCard pace={s.pace} unit={s.kpi.unit} />
        </Col>
        {writable && (
          <Col xs={24} xl={9}>
            <CheckInForm kpi={s.kpi} scope={scope.type === 'company' ? { type: 'company' } : scope} today={s.today} actuals={actuals.data ?? []} />
          </Col>
        )}
        {computed && (
          <Col span={24}>
            <Alert type="info" showIcon title={t('results.computed')} />
          </Col>
        )}
        <Col span={24}>
          <Card size="small" title={t('results.history')}>
            <CheckInHistory actuals={actuals.data ?? []} unit={s.kpi.unit} loading={actuals.isLoading} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

export { KpiResultsTab };
