import { Alert, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { kpiName } from '../kpi/KpiStatusTag';
import { formatAchievement, RAG_COLOR, RAG_TAG, ragOf } from '../results/display';
import { InProgressTag } from '../results/InProgressTag';
import { useUnitKpis } from '../results/queries';
import type { UnitKpisT } from '../results/types';
import { ExportTable } from '../../shell/ExportTable';

type UnitKpi = UnitKpisT['kpis'][number];

/**
 * The KPIs of one unit for the period: actual, target, achievement and status. A KPI the unit owns but
 * has no unit numbers for shows its company-level numbers, labelled "cấp công ty"; a period still running
 * shows the expected-to-date target under the target. Loaded when the unit is opened.
 */
export function UnitKpiTable({ unitId, period, testId }: { unitId: number; period: string; testId?: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const unitKpis = useUnitKpis(unitId, period);
  if (unitKpis.error) return <Alert type="error" showIcon title={unitKpis.error.message} />;
  const kpis = unitKpis.data?.kpis ?? [];
  return (
    <ExportTable<UnitKpi> exportName="unit-kpis"
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={kpis}
      loading={unitKpis.isFetching && !unitKpis.data}
      data-testid={testId}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('dashboard.noKpis') }}
      columns={[
        {
          title: 'KPI',
          dataIndex: 'code',
          render: (_: string, k) => (
            <Space size={4} wrap>
              <Link to={`/kpis/${encodeURIComponent(k.code)}`}>
                <Typography.Text code>{k.code}</Typography.Text> {kpiName({ name: k.name, nameEn: k.nameEn ?? undefined }, lang)}
              </Link>
              {k.scopeLevel === 'company' && (
                <Tooltip title={t('numbers.companyLevelHint')}>
                  <Tag style={{ marginInlineEnd: 0 }} data-testid={`company-level-${k.code}`}>
                    {t('numbers.companyLevel')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
        { title: t('results.actual'), dataIndex: 'actual', align: 'right', render: (v: number | null, k) => formatKpiValue(v, k.unit, lang) },
        {
          title: t('results.target'),
          dataIndex: 'target',
          align: 'right',
          render: (v: number | null, k) => (
            <>
              {formatKpiValue(v, k.unit, lang)}
              {k.expected !== null && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('numbers.expectedValue', { value: formatKpiValue(k.expected, k.unit, lang) })}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        {
          title: t('results.achievement'),
          dataIndex: 'achievement',
          align: 'right',
          sorter: (a, b) => (a.achievement ?? -1) - (b.achievement ?? -1),
          render: (v: number | null, k) => <span style={{ color: RAG_COLOR[ragOf(k.status)], fontWeight: 600 }}>{formatAchievement(v, lang)}</span>,
        },
        {
          title: t('results.status'),
          dataIndex: 'status',
          render: (s: string, k) => (
            <Space size={4} wrap>
              <Tag color={RAG_TAG[ragOf(s)]} style={{ marginInlineEnd: 0 }}>
                {t(`status.${ragOf(s)}`)}
              </Tag>
              {k.inProgress && <InProgressTag testId={`in-progress-${k.code}`} />}
            </Space>
          ),
        },
      ]}
    />
  );
}
