import { TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { api, type OrgUnitT } from '../../api';
import { buildUnitForest, type UnitNode } from './unit-tree';

interface UnitSummaryT {
  unitId: number;
  people: number;
  head: { id: number; fullName: string } | null;
}

export function useUnitSummary() {
  return useQuery({
    queryKey: ['org-units-summary'],
    queryFn: () => api<{ items: UnitSummaryT[] }>('GET', '/api/org-units/summary').then((r) => new Map(r.items.map((s) => [s.unitId, s]))),
  });
}

/** The org chart as a drawing: each unit with its head and how many people it has; a unit opens its people. */
export function OrgChartDiagram({ units, onSelect }: { units: readonly OrgUnitT[]; onSelect(unitId: number): void }) {
  const { t } = useTranslation();
  const summary = useUnitSummary();
  const forest = buildUnitForest(units.filter((u) => !u.archived));

  const toNode = (n: UnitNode): DataNode => {
    const s = summary.data?.get(n.unit.id);
    return {
      key: n.unit.id,
      title: (
        <div style={{ border: '1px solid #e5e9f0', borderRadius: 8, padding: '6px 10px', margin: '2px 0', background: '#fafcff' }} data-testid={`org-box-${n.unit.code}`}>
          <Typography.Text strong>{n.unit.name}</Typography.Text>
          {s && (
            <Space size={8} wrap style={{ display: 'flex' }}>
              <Typography.Text type="secondary">
                <UserOutlined /> {s.head ? s.head.fullName : t('orgChart.noHead')}
              </Typography.Text>
              <Tag icon={<TeamOutlined />}>{t('orgChart.people', { count: s.people })}</Tag>
            </Space>
          )}
        </div>
      ),
      children: n.children.map(toNode),
    };
  };

  return (
    <Card title={t('orgChart.title')} data-testid="org-diagram">
      {forest.length === 0 ? (
        <Empty description={t('org.noUnits')} />
      ) : (
        <Tree
          showLine
          blockNode
          defaultExpandAll
          selectable
          treeData={forest.map(toNode)}
          onSelect={(keys) => {
            if (keys[0] !== undefined) onSelect(Number(keys[0]));
          }}
        />
      )}
    </Card>
  );
}
