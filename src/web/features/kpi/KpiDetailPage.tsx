import { ArrowLeftOutlined, EditOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  KPI_AGGREGATION_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_FREQUENCY_LABELS,
  KPI_GROUP_LABELS,
  KPI_LEVEL_LABELS,
  KPI_PERSPECTIVE_LABELS,
  KPI_SOURCE_LABELS,
  unitLabel,
} from '../../../core/kpi/labels';
import { smartSummary } from '../../../core/smart/check';
import { formatDateTime } from '../../lib/format';
import { periodLabel } from '../results/periods';
import { unitOrCompany, useSession, userCan, useUser } from '../../session';
import { formatKpiValue } from './format-value';
import { kpiName, KpiStatusTag } from './KpiStatusTag';
import { labelOf } from './labels';
import { useArchiveKpi, useKpi } from './queries';
import { ResultsTabSlot } from './ResultsTabSlot';
import { BindingCard } from './binding/BindingCard';
import { SmartPanel } from './SmartPanel';
import type { KpiT } from './types';
import { ExportTable } from '../../shell/ExportTable';

type TargetT = KpiT['targets'][number];

// "Targets by unit" tab: src/web/features/targets (cascade, sum check, monthly plan), loaded on first open.
const TargetsByUnitTab = lazy(() => import('../targets/TargetsByUnitTab'));

/** /kpis/:code — definition, targets, links, SMART findings and the Results tab. */
export default function KpiDetailPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const detail = useKpi(code);
  const archive = useArchiveKpi();

  if (detail.error) return <Alert type="error" showIcon title={detail.error.message} data-testid="kpi-detail-error" />;
  if (!detail.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const { kpi, findings, children } = detail.data;
  const range = kpi.direction === 'range';
  const v = (x: number | undefined) => formatKpiValue(x, kpi.unit, lang);
  const description = lang === 'en' && kpi.descriptionEn ? kpi.descriptionEn : kpi.description;

  const definition = (
    <Row gutter={[16, 12]}>
      <Col xs={24} lg={{ flex: '1 1 0' }} style={{ minWidth: 0 }}>
        <Card size="small" title={t('kpi.section.definition')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph data-testid="kpi-description">{description ?? '—'}</Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('kpi.field.unit')}>{kpi.unit ? unitLabel(kpi.unit)[lang] : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('kpi.field.direction')}>{labelOf(KPI_DIRECTION_LABELS, kpi.direction, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('kpi.field.aggregation')}>{labelOf(KPI_AGGREGATION_LABELS, kpi.aggregation, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('kpi.field.frequency')}>{labelOf(KPI_FREQUENCY_LABELS, kpi.frequency, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('kpi.field.source')}>{labelOf(KPI_SOURCE_LABELS, kpi.source, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('kpi.field.group')}>{labelOf(KPI_GROUP_LABELS, kpi.group, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('kpi.field.reportWithinDays')}>
              {kpi.reportWithinDays === null ? '—' : t('kpi.detail.daysAfter', { count: kpi.reportWithinDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('kpi.field.baseline')}>{kpi.baseline ? `${periodLabel(kpi.baseline.period, lang)}: ${v(kpi.baseline.value)}` : '—'}</Descriptions.Item>
            {kpi.formula && (
              <Descriptions.Item label={t('kpi.field.formula')} span="filled">
                <Typography.Text code>{kpi.formula}</Typography.Text>
              </Descriptions.Item>
            )}
            {kpi.tags.length > 0 && (
              <Descriptions.Item label={t('kpi.field.tags')} span="filled">
                {kpi.tags.map((tag) => (
                  <Tag key={tag}>{tag}</Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        {kpi.source === 'dataset' && <BindingCard kpi={kpi} />}
        <Card size="small" title={t('kpi.section.targets')} style={{ marginBottom: 12 }}>
          <ExportTable<TargetT> exportName="kpi-targets"
            size="small"
            rowKey="period"
            pagination={false}
            dataSource={kpi.targets}
            data-testid="kpi-targets"
            locale={{ emptyText: t('kpi.detail.noTargets') }}
            columns={[
              { title: t('kpi.target.period'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
              { title: t('kpi.target.value'), dataIndex: 'value', align: 'right', render: (x: number) => v(x) },
              { title: range ? t('kpi.target.rangeMin') : t('kpi.target.min'), dataIndex: 'min', align: 'right', render: (x?: number) => v(x) },
              {
                title: range ? t('kpi.target.rangeMax') : t('kpi.target.stretch'),
                dataIndex: range ? 'max' : 'stretch',
                align: 'right',
                render: (x?: number) => v(x),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('kpi.section.alignment')}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('kpi.detail.parents')}>
              <Space wrap data-testid="kpi-parents">
                {kpi.parents.length === 0
                  ? '—'
                  : kpi.parents.map((p) => (
                      <Link key={p.code} to={`/kpis/${p.code}`}>
                        <Tag>
                          {p.code} · {t('kpi.field.weight')} {formatKpiValue(p.weight, '%', lang)}
                        </Tag>
                      </Link>
                    ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('kpi.detail.children')}>
              <Space wrap data-testid="kpi-children">
                {children.length === 0
                  ? '—'
                  : children.map((c) => (
                      <Link key={c} to={`/kpis/${c}`}>
                        <Tag>{c}</Tag>
                      </Link>
                    ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={{ flex: '360px' }}>
        <SmartPanel findings={findings} summary={smartSummary(findings)} />
      </Col>
    </Row>
  );

  return (
    <div data-testid="kpi-detail">
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, marginBottom: 8 }}>
        <Space align="start" style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/kpis')} aria-label={t('kpi.form.back')} />
          <div>
            <Space wrap>
              <Typography.Text code data-testid="kpi-detail-code">
                {kpi.code}
              </Typography.Text>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="kpi-detail-name">
                {kpiName(kpi, lang)}
              </Typography.Title>
              <KpiStatusTag status={kpi.status} />
            </Space>
            <Space wrap size={[16, 0]} style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">
                {labelOf(KPI_LEVEL_LABELS, kpi.level, lang)} · {labelOf(KPI_PERSPECTIVE_LABELS, kpi.perspective, lang)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('kpi.field.owner')}: <Typography.Text data-testid="kpi-owner-name">{kpi.ownerName ?? '—'}</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('kpi.field.measurer')}: <Typography.Text>{kpi.measurerName ?? '—'}</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">{t('kpi.detail.updated', { at: formatDateTime(kpi.updatedAt, lang) })}</Typography.Text>
            </Space>
          </div>
        </Space>
        {userCan(user, 'kpi.edit', unitOrCompany(kpi.ownerUnitId)) && kpi.status !== 'archived' && (
          <Space>
            <Popconfirm
              title={t('kpi.detail.archiveConfirm', { code: kpi.code })}
              description={t('kpi.detail.archiveHint')}
              okText={t('kpi.detail.archive')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                archive.mutateAsync(kpi.code).then(
                  () => void message.success(t('kpi.detail.archived')),
                  (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)),
                )
              }
            >
              <Button icon={<InboxOutlined />} data-testid="kpi-archive" loading={archive.isPending}>
                {t('kpi.detail.archive')}
              </Button>
            </Popconfirm>
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/kpis/${kpi.code}/edit`)} data-testid="kpi-edit">
              {t('kpi.detail.edit')}
            </Button>
          </Space>
        )}
      </div>
      <Tabs
        defaultActiveKey="definition"
        items={[
          { key: 'definition', label: t('kpi.detail.tabDefinition'), children: definition },
          // Results tab: src/web/features/results/KpiResultsTab.tsx plugs in here through ResultsTabSlot.
          { key: 'results', label: t('kpi.detail.tabResults'), children: <ResultsTabSlot code={kpi.code} /> },
          {
            key: 'targets',
            label: <span data-testid="kpi-tab-targets">{t('targets.tab')}</span>,
            children: (
              <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
                <TargetsByUnitTab code={kpi.code} />
              </Suspense>
            ),
          },
        ]}
      />
    </div>
  );
}
