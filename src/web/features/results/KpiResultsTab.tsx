import { Alert, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kpiCompanyTarget, useSession, userCan, useUser } from '../../session';
import { useKpi } from '../kpi/queries';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { useUnits } from '../org/queries';
import { CheckInForm } from './CheckInForm';
import { CheckInHistory } from './CheckInHistory';
import { formatAchievement, RAG_COLOR, ragOf } from './display';
import { PaceCard } from './PaceCard';
import { periodLabel } from './periods';
import { useActuals, useSeries } from './queries';
import { formatKpiValue } from '../kpi/format-value';

const ResultsChart = lazy(() => import('./ResultsChart'));

/** The "Kết quả / Results" tab of a KPI: charts, year to date, pace, check-in form and history. */
export default function KpiResultsTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const [unitId, setUnitId] = useState<number | null>(null);
  const scopeText = unitId === null ? 'company' : `unit:${unitId}`;
  const scope = unitId === null ? { type: 'company' as const } : { type: 'unit' as const, id: unitId };
  const units = useUnits();
  const kpi = useKpi(code);
  const series = useSeries(code, scopeText);
  const actuals = useActuals(code, scopeText);

  if (series.error) return <Alert type="error" showIcon title={series.error.message} data-testid="results-error" />;
  if (!series.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const s = series.data;
  const ytd = s.ytd;
  const computed = kpi.data?.kpi.source === 'formula';
  const target = unitId === null ? (kpi.data ? kpiCompanyTarget(kpi.data.kpi) : null) : ({ scope: 'unit', unitId } as const);
  const writable = !computed && kpi.data?.kpi.status !== 'archived' && target !== null && userCan(user, 'actual.write', target);

  return (
    <div data-testid="kpi-results">
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Typography.Text>{t('results.scope')}</Typography.Text>
        <div style={{ width: 320 }}>
          <UnitTreeSelect units={units.data ?? []} value={unitId} onChange={setUnitId} allowClear placeholder={t('results.company')} testId="results-scope" />
        </div>
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
            <CheckInForm kpi={s.kpi} scope={scope} today={s.today} actuals={actuals.data ?? []} />
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
