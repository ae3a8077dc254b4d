import { Empty, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitT } from '../../api';
import { buildUnitForest, type UnitNode } from './unit-tree';

interface Props {
  units: readonly OrgUnitT[];
  selectedId: number | null;
  onSelect(id: number | null): void;
}

/** The org unit tree; archived units are greyed with a tag, units outside the user's scope cannot be opened. */
export function UnitTreePanel({ units, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const treeData = useMemo(() => {
    const toNode = (n: UnitNode): DataNode => ({
      key: n.unit.id,
      selectable: n.unit.inScope,
      title: (
        <span data-testid={`unit-${n.unit.code}`} style={{ color: n.unit.archived || !n.unit.inScope ? '#999' : undefined }}>
          {n.unit.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.unit.code}
          </Typography.Text>
          {n.unit.archived && (
            <Tag style={{ marginInlineStart: 6 }} color="default">
              {t('org.archived')}
            </Tag>
          )}
        </span>
      ),
      children: n.children.map(toNode),
    });
    return buildUnitForest(units).map(toNode);
  }, [units, t]);

  if (units.length === 0) return <Empty description={t('org.noUnits')} />;
  return (
    <Tree
      data-testid="unit-tree"
      blockNode
      defaultExpandAll
      treeData={treeData}
      selectedKeys={selectedId === null ? [] : [selectedId]}
      onSelect={(keys) => onSelect(keys.length > 0 ? Number(keys[0]) : null)}
    />
  );
}
