import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KPI_FREQUENCY_LABELS, KPI_LEVEL_LABELS, KPI_PERSPECTIVE_LABELS, KPI_STATUS_LABELS, unitLabel } from '../../../core/kpi/labels';
import { useSession } from '../../session';
import { exportTitle, type ExportColumnsType } from '../../shell/ExportButtons';
import { kpiName, KpiStatusTag } from './KpiStatusTag';
import { labelOf } from './labels';
import { SmartBadges } from './SmartBadges';
import type { KpiListItemT } from './types';

type Row = KpiListItemT & { key: string; children?: Row[] | undefined };

interface Props {
  rows: readonly (KpiListItemT & { key: string; children?: unknown })[];
  loading: boolean;
  tree: boolean;
  emptyText?: string | undefined;
}

/** The library as a flat table or as the parents → children tree. */
export function KpiTable({ rows, loading, tree, emptyText }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const columns: ExportColumnsType<Row> = [
    {
      title: t('kpi.field.code'),
      dataIndex: 'code',
      width: tree ? 240 : 170,
      render: (code: string) => (
        <Link to={`/kpis/${code}`} data-testid={`kpi-link-${code}`}>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {code}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('kpi.field.name'),
      key: 'name',
      exportValue: (k) => kpiName(k, lang),
      render: (_: unknown, k) => (
        <div>
          <div>{kpiName(k, lang)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[k.unit ? unitLabel(k.unit)[lang] : null, labelOf(KPI_FREQUENCY_LABELS, k.frequency, lang)].filter((x) => x && x !== '—').join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('kpi.list.levelPerspective'),
      key: 'level',
      width: 150,
      exportValue: (k) => [labelOf(KPI_LEVEL_LABELS, k.level, lang), labelOf(KPI_PERSPECTIVE_LABELS, k.perspective, lang)].join(' · '),
      render: (_: unknown, k) => (
        <div>
          <div>{labelOf(KPI_LEVEL_LABELS, k.level, lang)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labelOf(KPI_PERSPECTIVE_LABELS, k.perspective, lang)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('kpi.field.owner'), dataIndex: 'ownerName', width: 150, render: (v: string | null) => v ?? '—' },
    { title: t('kpi.field.status'), dataIndex: 'status', width: 120, exportValue: (k) => labelOf(KPI_STATUS_LABELS, k.status, lang), render: (v: string) => <KpiStatusTag status={v} /> },
    { title: 'SMART', key: 'smart', width: 180, render: (_: unknown, k) => <SmartBadges summary={k.smart} testId={`smart-${k.code}`} /> },
  ];
  return (
    <Table<Row>
      key={tree ? 'tree' : 'flat'}
      data-testid="kpi-table"
      title={exportTitle(columns, rows as Row[], 'kpi-library')}
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows as Row[]}
      loading={loading}
      expandable={tree ? { defaultExpandAllRows: true } : { childrenColumnName: '__none' }}
      locale={{ emptyText }}
      pagination={tree ? false : { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 960 }}
    />
  );
}
