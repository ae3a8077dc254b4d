import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { kpiName } from '../kpi/KpiStatusTag';
import { formatAchievement, RAG_COLOR, RAG_TAG, ragOf } from '../results/display';
import type { UnitRowT } from '../results/types';

type UnitKpi = UnitRowT['kpis'][number];

/** The KPIs of one unit for the period: actual, target, achievement and status. */
export function UnitKpiTable({ kpis, testId }: { kpis: UnitKpi[]; testId?: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <Table<UnitKpi>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={kpis}
      data-testid={testId}
      locale={{ emptyText: t('dashboard.noKpis') }}
      columns={[
        {
          title: 'KPI',
          dataIndex: 'code',
          render: (_: string, k) => (
            <Link to={`/kpis/${encodeURIComponent(k.code)}`}>
              <Typography.Text code>{k.code}</Typography.Text> {kpiName({ name: k.name, nameEn: k.nameEn ?? undefined }, lang)}
            </Link>
          ),
        },
        { title: t('results.actual'), dataIndex: 'actual', align: 'right', render: (v: number | null, k) => formatKpiValue(v, k.unit, lang) },
        { title: t('results.target'), dataIndex: 'target', align: 'right', render: (v: number | null, k) => formatKpiValue(v, k.unit, lang) },
        {
          title: t('results.achievement'),
          dataIndex: 'achievement',
          align: 'right',
          sorter: (a, b) => (a.achievement ?? -1) - (b.achievement ?? -1),
          render: (v: number | null, k) => <span style={{ color: RAG_COLOR[ragOf(k.status)], fontWeight: 600 }}>{formatAchievement(v, lang)}</span>,
        },
        { title: t('results.status'), dataIndex: 'status', render: (s: string) => <Tag color={RAG_TAG[ragOf(s)]}>{t(`status.${ragOf(s)}`)}</Tag> },
      ]}
    />
  );
}
