import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useSession, useUser, userCanAtAll } from '../../session';
import { datasetKeys, listDatasets } from './datasets-api';
import { NewImportButton } from './NewImportButton';
import type { DatasetT } from './types';
import { useCompanyTimeZone } from './useCompanyTimeZone';
import { ExportTable } from '../../shell/ExportTable';

/** /datasets — the dataset browser: each dataset's label, name, columns, rows and last import. */
export default function DatasetsPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const tz = useCompanyTimeZone();
  const list = useQuery({ queryKey: datasetKeys.all, queryFn: listDatasets });
  const items = list.data?.items ?? [];

  return (
    <div data-testid="datasets-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('datasets.title')}
        </Typography.Title>
        {userCanAtAll(user, 'dataset.manage') && <NewImportButton />}
      </Space>
      <Typography.Paragraph type="secondary">{t('datasets.intro')}</Typography.Paragraph>
      <Card>
        <ExportTable<DatasetT> exportName="datasets"
          data-testid="datasets-table"
          rowKey="name"
          size="middle"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: list.error ? list.error.message : <Empty description={t('datasets.empty')} /> }}
          columns={[
            {
              title: t('datasets.label'),
              dataIndex: 'label',
              render: (label: string, d) => (
                <Link to={`/datasets/${d.name}`} data-testid={`dataset-link-${d.name}`}>
                  {label}
                </Link>
              ),
            },
            { title: t('datasets.name'), dataIndex: 'name', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
            {
              title: t('datasets.columns'),
              dataIndex: 'columns',
              render: (cols: DatasetT['columns']) => (
                <Typography.Text ellipsis style={{ maxWidth: 320 }} title={cols.map((c) => c.label).join(', ')}>
                  {cols.length} · {cols.map((c) => c.label).join(', ')}
                </Typography.Text>
              ),
            },
            { title: t('datasets.rowCount'), dataIndex: 'rowCount', align: 'right', render: (n: number) => formatNumber(n, lang) },
            { title: t('datasets.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v, lang, tz) },
          ]}
        />
      </Card>
    </div>
  );
}
