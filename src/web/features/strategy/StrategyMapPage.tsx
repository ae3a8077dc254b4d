import { Alert, Card, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { KPI_PERSPECTIVE_LABELS } from '../../../core/kpi/labels';
import { useSession } from '../../session';
import { labelOf } from '../kpi/labels';
import { formatAchievement, RAG_COLOR, ragOf } from '../results/display';
import { InProgressTag } from '../results/InProgressTag';
import { ScorecardReportButtons } from '../reports/ScorecardReportButtons';
import { currentMonthKey, PeriodPicker } from '../results/PeriodPicker';
import { useAskedPeriod } from '../results/use-period-param';
import { periodLabel } from '../results/periods';
import { useStrategyMap } from '../results/queries';
import type { RagStatus } from '../results/types';
import { StrategyNodeCard } from './StrategyNodeCard';

const PERSPECTIVE_ORDER = ['financial', 'customer', 'process', 'learning'];
const LEVEL_ORDER = ['strategic', 'tactical', 'operational'];
const LEGEND: RagStatus[] = ['green', 'amber', 'red', 'none'];

/** /strategy — the KPI tree (strategic → tactical → operational) for one period, coloured by status. */
export default function StrategyMapPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [asked, setPeriod] = useAskedPeriod();
  const map = useStrategyMap(asked);
  // Without a period in the address the server opens on the latest month with data.
  const period = asked ?? map.data?.period.key ?? currentMonthKey();
  const roots = [...(map.data?.roots ?? [])].sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      PERSPECTIVE_ORDER.indexOf(a.perspective) - PERSPECTIVE_ORDER.indexOf(b.perspective) ||
      a.code.localeCompare(b.code),
  );

  return (
    <div data-testid="strategy-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('strategy.title')}
        </Typography.Title>
        <Space wrap>
          <PeriodPicker value={period} onChange={setPeriod} />
          <ScorecardReportButtons period={period} />
        </Space>
      </Space>
      {map.error && <Alert type="error" showIcon title={map.error.message} />}
      {map.data && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space size="large" wrap>
            <Typography.Text>
              {t('strategy.overall', { period: periodLabel(map.data.period.key, lang) })}{' '}
              <Typography.Text strong style={{ color: RAG_COLOR[ragOf(map.data.status)], fontSize: 18 }} data-testid="strategy-score">
                {formatAchievement(map.data.score, lang)}
              </Typography.Text>
            </Typography.Text>
            {map.data.period.inProgress && <InProgressTag testId="strategy-in-progress" />}
            <Space size="middle" wrap>
              {LEGEND.map((s) => (
                <Space key={s} size={4}>
                  <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: RAG_COLOR[s] }} />
                  <Typography.Text type="secondary">{t(`status.${s}`)}</Typography.Text>
                </Space>
              ))}
            </Space>
          </Space>
        </Card>
      )}
      {!map.data && !map.error && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {map.data && roots.length === 0 && <Empty description={t('strategy.empty')} />}
      <Row gutter={[12, 12]}>
        {roots.map((root) => (
          <Col key={root.code} xs={24} md={12} xl={6} data-testid={`map-root-${root.code}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12, textTransform: 'uppercase', letterSpacing: 0.5 }}>
              {labelOf(KPI_PERSPECTIVE_LABELS, root.perspective, lang)}
            </Typography.Text>
            <StrategyNodeCard node={root} depth={0} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
