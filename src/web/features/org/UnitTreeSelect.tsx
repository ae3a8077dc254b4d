import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { OrgUnitT } from '../../api';
import { buildUnitForest, type UnitNode } from './unit-tree';

interface Props {
  units: readonly OrgUnitT[];
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Units that may not be picked (e.g. the moved unit and its subtree). */
  disabledIds?: ReadonlySet<number>;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}

interface SelectNode {
  value: number;
  title: string;
  disabled: boolean;
  children: SelectNode[];
}

/** Picks an org unit from the tree; archived and out-of-scope units are disabled. */
export function UnitTreeSelect({ units, value, onChange, disabledIds, placeholder, allowClear, testId }: Props) {
  const treeData = useMemo(() => {
    const toNode = (n: UnitNode): SelectNode => ({
      value: n.unit.id,
      title: `${n.unit.name} (${n.unit.code})`,
      disabled: n.unit.archived || !n.unit.inScope || (disabledIds?.has(n.unit.id) ?? false),
      children: n.children.map(toNode),
    });
    return buildUnitForest(units).map(toNode);
  }, [units, disabledIds]);
  return (
    <TreeSelect
      data-testid={testId}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}
