import { AuditOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Card, Col, List, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { RAG_COLOR } from '../results/display';
import { periodLabel } from '../results/periods';
import { useOverview, type LateReportT, type UnallocatedTargetT } from './useOverview';

const SHOWN = 5;

function kpiTitle(i: { kpiCode: string; kpiName: string; kpiNameEn: string | null }, lang: 'vi' | 'en') {
  return (
    <Link to={`/kpis/${encodeURIComponent(i.kpiCode)}`}>
      {i.kpiCode} · {lang === 'en' && i.kpiNameEn ? i.kpiNameEn : i.kpiName}
    </Link>
  );
}

function AttentionCard<T>(props: { testId: string; title: string; icon: ReactNode; count: number; loading: boolean; items: T[]; empty: string; render: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <Col xs={24} lg={12}>
      <Card loading={props.loading} data-testid={props.testId}>
        <Statistic
          title={props.title}
          value={props.count}
          prefix={props.icon}
          styles={{ content: { color: props.count > 0 ? RAG_COLOR.amber : undefined } }}
          data-testid={`${props.testId}-count`}
        />
        <List size="small" dataSource={props.items.slice(0, SHOWN)} locale={{ emptyText: props.empty }} renderItem={(item) => <List.Item>{props.render(item)}</List.Item>} />
        {props.count > SHOWN && <Typography.Text type="secondary">{t('overview.more', { count: props.count - SHOWN })}</Typography.Text>}
      </Card>
    </Col>
  );
}

/**
 * Two cards of the home overview: expected reports that are late (missing after the deadline, or reported
 * late) and targets whose children add up to less, each with its first items linking to the KPI.
 */
export function AttentionCards() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const overview = useOverview();
  const late = overview.data?.lateReports;
  const gaps = overview.data?.unallocatedTargets;
  return (
    <>
      <AttentionCard<LateReportT>
        testId="overview-late"
        title={t('overview.late')}
        icon={<ClockCircleOutlined />}
        count={late?.count ?? 0}
        loading={overview.isLoading}
        items={late?.items ?? []}
        empty={t('overview.noLate')}
        render={(i) => (
          <List.Item.Meta
            title={kpiTitle(i, lang)}
            description={
              <>
                {i.scopeLabel} · {periodLabel(i.period, lang)} · {t('overview.deadline', { date: formatDate(i.deadline, lang) })}{' '}
                <Tag color={i.status === 'missing' ? 'error' : 'warning'}>{t(`overview.lateStatus.${i.status}`)}</Tag>
              </>
            }
          />
        )}
      />
      <AttentionCard<UnallocatedTargetT>
        testId="overview-unallocated"
        title={t('overview.unallocated')}
        icon={<AuditOutlined />}
        count={gaps?.count ?? 0}
        loading={overview.isLoading}
        items={gaps?.items ?? []}
        empty={t('overview.noUnallocated')}
        render={(i) => (
          <List.Item.Meta
            title={kpiTitle(i, lang)}
            description={`${i.scopeLabel} · ${periodLabel(i.period, lang)} · ${t('overview.left', { value: formatNumber(i.difference, lang), parent: formatNumber(i.parent, lang) })}`}
          />
        )}
      />
    </>
  );
}
