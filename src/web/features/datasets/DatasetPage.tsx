import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useSession, useUser, userCanAtAll } from '../../session';
import { CohortTab } from './CohortTab';
import { datasetKeys, getDataset } from './datasets-api';
import { QueryTab } from './QueryTab';
import { RowsTab } from './RowsTab';
import { useCompanyTimeZone } from './useCompanyTimeZone';

const TABS = ['rows', 'query', 'cohorts'] as const;
type Tab = (typeof TABS)[number];

/** /datasets/:name — a dataset's columns and rows, the query builder and the cohort heat map (tab in ?tab=). */
export default function DatasetPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const tz = useCompanyTimeZone();
  const name = useParams().name ?? '';
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'rows';
  const dataset = useQuery({ queryKey: datasetKeys.one(name), queryFn: () => getDataset(name) });
  const d = dataset.data;

  return (
    <div data-testid="dataset-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Space orientation="vertical" size={0}>
          <Link to="/datasets">← {t('datasets.title')}</Link>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="dataset-title">
            {d?.label ?? name}
          </Typography.Title>
        </Space>
        {userCanAtAll(user, 'dataset.manage') && (
          <Link to={`/datasets/${name}/import`}>
            <Button icon={<UploadOutlined />} data-testid="dataset-import">
              {t('datasets.import.more')}
            </Button>
          </Link>
        )}
      </Space>
      {dataset.error && <Alert type="error" showIcon title={dataset.error.message} />}
      {d && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 12 }} data-testid="dataset-facts">
            <Descriptions.Item label={t('datasets.name')}>
              <Typography.Text code>{d.name}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('datasets.rowCount')}>
              <span data-testid="dataset-row-count">{formatNumber(d.rowCount, lang)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('datasets.key')}>{d.keyColumns.length > 0 ? d.keyColumns.join(', ') : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('datasets.updatedAt')}>{formatDateTime(d.updatedAt, lang, tz)}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginBottom: 8, display: 'flex', flexWrap: 'wrap', gap: 4 }} data-testid="dataset-columns">
            {d.columns.map((c) => (
              <Tag key={c.name} title={c.name}>
                {c.label} · {t(`datasets.types.${c.type}`)}
              </Tag>
            ))}
          </div>
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams({ tab: k }, { replace: true })}
            items={[
              { key: 'rows', label: t('datasets.tabs.rows'), children: <RowsTab dataset={d} timeZone={tz} /> },
              { key: 'query', label: t('datasets.tabs.query'), children: <QueryTab dataset={d} /> },
              { key: 'cohorts', label: t('datasets.tabs.cohorts'), children: <CohortTab dataset={d} /> },
            ]}
          />
        </>
      )}
    </div>
  );
}
