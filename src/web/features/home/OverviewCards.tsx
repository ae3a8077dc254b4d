import { AlertOutlined, FieldTimeOutlined, TrophyOutlined } from '@ant-design/icons';
import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { useSession, useUser } from '../../session';
import { RAG_COLOR, ragOf } from '../results/display';
import { periodLabel } from '../results/periods';
import { useScorecard, useUnitDashboard } from '../results/queries';
import type { UnitRowT } from '../results/types';
import { AttentionCards } from './AttentionCards';

/** Units of the dashboard inside the manager's own unit subtree (the server already limits rows to what they may read). */
function subtreeRows(rows: readonly UnitRowT[], rootId: number | null): UnitRowT[] {
  if (rootId === null) return [...rows];
  const inside = new Set([rootId]);
  for (const r of rows) if (r.parentId !== null && inside.has(r.parentId)) inside.add(r.id);
  return rows.filter((r) => inside.has(r.id));
}

/**
 * The overview for admins (the whole company) and managers (their unit subtree): the score of the period,
 * KPIs in red, KPIs still without numbers, late reports, targets not fully allocated, and the units with red KPIs. HomePage shows it to those who steer
 * targets (`target.set` at all: admins and managers).
 */
export function OverviewCards() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const company = user.subtree === 'all';
  const dashboard = useUnitDashboard(undefined);
  const scorecard = useScorecard(undefined, 'company', company);

  const rows = subtreeRows(dashboard.data?.units ?? [], company ? null : user.unitId);
  const root = company ? null : rows.find((r) => r.id === user.unitId);
  const items = scorecard.data?.items ?? [];
  const score = company ? (scorecard.data?.score ?? null) : (root?.rolledScore ?? null);
  const status = ragOf(company ? scorecard.data?.status : root?.rolledStatus);
  const red = company ? items.filter((i) => i.status === 'red').length : rows.reduce((n, r) => n + r.red, 0);
  const noData = company ? items.filter((i) => i.actual === null).length : rows.reduce((n, r) => n + r.none, 0);
  const watch = rows.filter((r) => r.red > 0).sort((a, b) => b.red - a.red).slice(0, 5);
  const periodKey = dashboard.data?.period.key;
  const period = periodKey ? periodLabel(periodKey, lang) : '';
  const loading = dashboard.isLoading || (company && scorecard.isLoading);

  return (
    <div data-testid="overview">
      <Typography.Title level={4}>
        {company ? t('overview.company', { period }) : t('overview.unit', { name: root?.name ?? '…', period })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card loading={loading}>
            <Statistic
              title={t('overview.score')}
              value={score === null ? '—' : formatNumber(score * 100, lang, 1)}
              suffix={score === null ? undefined : '%'}
              prefix={<TrophyOutlined />}
              styles={{ content: { color: RAG_COLOR[status] } }}
              data-testid="overview-score"
            />
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card loading={loading}>
            <Statistic title={t('overview.red')} value={red} prefix={<AlertOutlined />} styles={{ content: { color: red > 0 ? RAG_COLOR.red : undefined } }} data-testid="overview-red" />
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card loading={loading}>
            <Statistic title={t('overview.noData')} value={noData} prefix={<FieldTimeOutlined />} data-testid="overview-nodata" />
          </Card>
        </Col>
        <AttentionCards />
        <Col xs={24}>
          <Card title={t('overview.watch')} extra={<Link to="/dashboard">{t('overview.toDashboard')}</Link>} loading={loading}>
            <List
              size="small"
              dataSource={watch}
              locale={{ emptyText: t('overview.noRed') }}
              renderItem={(r) => (
                <List.Item extra={<Tag color="error">{t('overview.redCount', { count: r.red })}</Tag>}>
                  <Typography.Text>{r.name}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
