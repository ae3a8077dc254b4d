import { AppstoreAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { userCanAtAll, useUser } from '../../session';
import { buildKpiTree } from './kpi-tree';
import { KpiFilters } from './KpiFilters';
import { KpiTable } from './KpiTable';
import { useKpiList, type KpiFilter } from './queries';
import { TemplatePicker } from './TemplatePicker';

type View = 'table' | 'tree';

/** /kpis: search, filters, SMART badges, and a parents → children tree. */
export default function KpiLibraryPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<KpiFilter>({});
  const [view, setView] = useState<View>('table');
  const [picking, setPicking] = useState(false);
  const list = useKpiList(filter);

  // Archived KPIs stay hidden unless the status filter asks for them.
  const items = useMemo(() => (list.data ?? []).filter((k) => filter.status !== undefined || k.status !== 'archived'), [list.data, filter.status]);
  const rows = useMemo(() => (view === 'tree' ? buildKpiTree(items) : items.map((k) => ({ ...k, key: k.code }))), [items, view]);
  const extraUnits = useMemo(() => [...new Set((list.data ?? []).map((k) => k.unit).filter((u): u is string => Boolean(u)))], [list.data]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="kpi-library">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('kpi.list.title')}
        </Typography.Title>
        {userCanAtAll(user, 'kpi.edit') && (
          <Space>
            <Button icon={<AppstoreAddOutlined />} onClick={() => setPicking(true)} data-testid="kpi-from-template">
              {t('kpi.list.fromTemplate')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/kpis/new')} data-testid="kpi-create">
              {t('kpi.list.create')}
            </Button>
          </Space>
        )}
      </Space>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }} size="small">
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
            <KpiFilters filter={filter} onChange={setFilter} extraUnits={extraUnits} />
            <Segmented<View>
              data-testid="kpi-view"
              value={view}
              onChange={setView}
              options={[
                { value: 'table', label: t('kpi.list.viewTable') },
                { value: 'tree', label: t('kpi.list.viewTree') },
              ]}
            />
          </Space>
          <Typography.Text type="secondary" data-testid="kpi-count">
            {t('kpi.list.count', { count: items.length })}
          </Typography.Text>
          <KpiTable rows={rows} loading={list.isFetching} tree={view === 'tree'} emptyText={list.error?.message} />
        </Space>
      </Card>
      <TemplatePicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={(tp) => {
          setPicking(false);
          void navigate(`/kpis/new?template=${encodeURIComponent(tp.id)}`);
        }}
      />
    </Space>
  );
}
