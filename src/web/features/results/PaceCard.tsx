import { Card, Col, Descriptions, Empty, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { formatAchievement } from './display';
import { periodLabel } from './periods';
import type { PaceT } from './types';

/** Where one period stands against its pace: expected so far, forecast at the end, still needed per day and week. */
function PaceBlock({ pace, unit, title, testId }: { pace: PaceT; unit: string | null; title: string; testId: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const v = (x: number | null | undefined) => formatKpiValue(x, unit, lang);
  const elapsed = pace.totalDays > 0 ? Math.round((pace.elapsedDays / pace.totalDays) * 100) : 0;
  const allowance = pace.stillNeeded ?? pace.headroom;
  const allowanceLabel = pace.stillNeeded ? t('results.pace.stillNeeded') : t('results.pace.headroom');
  return (
    <div data-testid={testId}>
      <Typography.Text strong>
        {title}: {periodLabel(pace.period.key, lang)}
      </Typography.Text>{' '}
      {/* Nothing reported yet is not "behind" and forecasts nothing: there is no number to judge. */}
      {pace.hasActual ? (
        <Tag color={pace.onTrack ? 'success' : 'error'} data-testid={`${testId}-status`}>
          {pace.onTrack ? t('results.pace.onTrack') : t('results.pace.behind')}
        </Tag>
      ) : (
        <Tag data-testid={`${testId}-status`}>{t('numbers.noCheckin')}</Tag>
      )}
      <Progress percent={elapsed} size="small" format={() => t('results.pace.days', { elapsed: pace.elapsedDays, total: pace.totalDays })} style={{ margin: '8px 0' }} />
      <Descriptions size="small" column={1} bordered styles={{ label: { width: '42%' } }}>
        <Descriptions.Item label={t('results.target')}>{v(pace.target)}</Descriptions.Item>
        <Descriptions.Item label={t('results.pace.actualToDate')}>{pace.hasActual ? v(pace.actualToDate) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('results.pace.expectedToDate')}>{v(pace.expectedToDate)}</Descriptions.Item>
        <Descriptions.Item label={t('results.pace.forecast')}>
          <span data-testid={`${testId}-forecast`}>{pace.hasActual ? v(pace.forecast) : '—'}</span>
          {pace.hasActual && pace.forecastAchievement !== null && (
            <Typography.Text type="secondary"> ({formatAchievement(pace.forecastAchievement, lang)})</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={allowanceLabel}>
          {allowance ? (
            <span data-testid={`${testId}-needed`}>
              <Typography.Text strong>{v(allowance.amount)}</Typography.Text>
              {allowance.perDay !== null && (
                <>
                  <br />
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {t('results.pace.perDay', { value: v(allowance.perDay) })}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {t('results.pace.perWeek', { value: v(allowance.perWeek) })}
                  </Typography.Text>
                </>
              )}
            </span>
          ) : (
            <span data-testid={`${testId}-needed`}>{t('results.pace.reached')}</span>
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

export function PaceCard({ pace, unit }: { pace: { period: PaceT | null; year: PaceT | null }; unit: string | null }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('results.pace.title')} data-testid="results-pace">
      {!pace.period && !pace.year ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.pace.none')} />
      ) : (
        <Row gutter={16}>
          {pace.period && (
            <Col xs={24} lg={pace.year ? 12 : 24}>
              <PaceBlock pace={pace.period} unit={unit} title={t('results.pace.thisPeriod')} testId="pace-period" />
            </Col>
          )}
          {pace.year && (
            <Col xs={24} lg={pace.period ? 12 : 24}>
              <PaceBlock pace={pace.year} unit={unit} title={t('results.pace.thisYear')} testId="pace-year" />
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}
