import { CalendarOutlined, ForkOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Space, Spin, Switch, Tag, Tooltip, Typography, type TableColumnType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, userCan, useUser } from '../../session';
import { useKpi } from '../kpi/queries';
import { useUnits } from '../org/queries';
import { PeriodPicker } from '../results/PeriodPicker';
import { browserToday, kindOfFrequency, periodKeyOf } from '../results/periods';
import { CascadeDialog } from './CascadeDialog';
import { targetOfRow } from './can-set-target';
import { MonthlyPlan } from './MonthlyPlan';
import { useAllPeople, useCompany, useSetTargets, useTargetCheck, useTargets } from './queries';
import { scopeKeyOf } from './scope-key';
import { sumStatusOf } from './sum-status';
import { SumBadge } from './SumBadge';
import { buildTargetTree, targetChildren, type TargetRow } from './target-tree';
import { TargetValueCell } from './TargetValueCell';
import { ExportTable } from '../../shell/ExportTable';

/** "Chỉ tiêu theo đơn vị / Targets by unit": each scope's target for a period, the sum check, cascade and monthly plan. */
export default function TargetsByUnitTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const detail = useKpi(code);
  const kpi = detail.data?.kpi;
  const kind = kindOfFrequency(kpi?.frequency);
  const [picked, setPeriod] = useState<string | null>(null);
  const period = picked ?? periodKeyOf(browserToday(), kind === 'week' ? 'month' : kind);
  const [showPeople, setShowPeople] = useState(false);
  const [cascadeFrom, setCascadeFrom] = useState<TargetRow | null>(null);
  const [planFor, setPlanFor] = useState<TargetRow | null>(null);
  // Below 768 px the table keeps two columns (see scopeColumn).
  const narrow = Grid.useBreakpoint().md === false;

  const units = useUnits();
  const company = useCompany();
  const people = useAllPeople(showPeople);
  const targets = useTargets(code, period);
  const check = useTargetCheck(code, period);
  const setTargets = useSetTargets(code);

  const personList = useMemo(() => (showPeople ? (people.data?.items ?? []).filter((p) => p.active) : []), [showPeople, people.data]);
  const unitList = units.data ?? [];
  const targetList = useMemo(() => (targets.data ?? []).filter((x) => x.period === period), [targets.data, period]);
  const tree = useMemo(
    () => buildTargetTree({ companyName: company.data?.name ?? t('targets.company'), units: unitList, targets: targetList, people: personList }),
    [company.data, unitList, targetList, personList, t],
  );
  const children = useMemo(() => targetChildren(targetList, unitList, personList), [targetList, unitList, personList]);
  const byKey = useMemo(() => new Map(targetList.map((x) => [scopeKeyOf(x.scope), x])), [targetList]);

  if (targets.error) return <Alert type="error" showIcon title={targets.error.message} data-testid="targets-error" />;
  if (!kpi || !targets.data || !units.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const additive = kpi.aggregation === 'sum';
  const archived = kpi.status === 'archived';
  const editable = (r: TargetRow) => !archived && userCan(user, 'target.set', targetOfRow(r.scope, r.unitId, kpi));
  const parentOf = (key: string) => [...children].find(([, kids]) => kids.includes(key))?.[0];

  const scopeName = (r: TargetRow) => (
    <>
      <Typography.Text strong={r.scope.type !== 'person'} style={{ marginRight: 6 }}>
        {r.name}
      </Typography.Text>
      {r.code && r.scope.type === 'company' && (
        <Tooltip title={t('targets.foldedRoot', { code: r.code })}>
          <Tag data-testid="company-root-code">{r.code}</Tag>
        </Tooltip>
      )}
      {r.code && r.scope.type !== 'company' && <Tag>{r.code}</Tag>}
      {r.rootUnit && <Tag color="purple">{t('targets.rootUnit')}</Tag>}
      {r.scope.type === 'person' && <Tag color="blue">{t('targets.person')}</Tag>}
    </>
  );
  const targetCell = (r: TargetRow) => (
    <TargetValueCell
      value={r.target?.value ?? null}
      unit={kpi.unit}
      editable={editable(r)}
      testId={`target-${r.key}`}
      onSave={(value) =>
        setTargets.mutateAsync({
          scope: r.scope,
          targets: [{ period, value, ...(r.target?.min !== undefined && { min: r.target.min }), ...(r.target?.max !== undefined && { max: r.target.max }), ...(r.target?.stretch !== undefined && { stretch: r.target.stretch }) }],
        })
      }
    />
  );
  const shareCell = (r: TargetRow) => {
    const parent = parentOf(r.key);
    const base = parent ? byKey.get(parent)?.value : undefined;
    if (!additive || !r.target || !base) return null;
    return (
      <Typography.Text type="secondary" data-testid={`share-${r.key}`}>
        {new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { style: 'percent', maximumFractionDigits: 2 }).format(r.target.value / base)}
      </Typography.Text>
    );
  };
  const checkCell = (r: TargetRow) => {
    const status = sumStatusOf(r.key, check.data, children, byKey);
    return status ? <SumBadge status={status} unit={kpi.unit} testId={`sum-${r.key}`} /> : null;
  };

  const scopeColumn: TableColumnType<TargetRow> = {
    title: t('targets.col.scope'),
    key: 'scope',
    render: (_, r) =>
      narrow ? (
        // At phone width one cell holds the name, the target (and share) and the sum check, one under the other.
        <div>
          <div>{scopeName(r)}</div>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
            {targetCell(r)}
            {shareCell(r)}
          </div>
          {checkCell(r)}
        </div>
      ) : (
        // Inline content (no flex box) kept on one line, so it stays after the tree indent.
        <span style={{ whiteSpace: 'nowrap' }}>{scopeName(r)}</span>
      ),
  };
  const targetColumn: TableColumnType<TargetRow> = { title: t('targets.col.target'), key: 'target', align: 'right', width: 220, render: (_, r) => targetCell(r) };
  const shareColumn: TableColumnType<TargetRow> = { title: t('targets.col.share'), key: 'share', align: 'right', width: 90, render: (_, r) => shareCell(r) };
  const checkColumn: TableColumnType<TargetRow> = { title: t('targets.col.check'), key: 'check', width: 240, render: (_, r) => checkCell(r) };
  const actionsColumn: TableColumnType<TargetRow> = {
    title: '',
    key: 'actions',
    width: narrow ? 64 : 76,
    align: 'right',
    render: (_, r) =>
      r.scope.type === 'person' || !editable(r) ? null : (
        <Space size={0}>
          <Tooltip title={additive ? (r.target ? t('targets.cascade.open') : t('targets.cascade.noTarget')) : t('targets.cascade.notAdditive')}>
            <Button type="text" size="small" icon={<ForkOutlined />} disabled={!additive || !r.target} onClick={() => setCascadeFrom(r)} aria-label={t('targets.cascade.open')} data-testid={`cascade-${r.key}`} />
          </Tooltip>
          <Tooltip title={t('targets.plan.open')}>
            <Button type="text" size="small" icon={<CalendarOutlined />} disabled={!additive} onClick={() => setPlanFor(r)} aria-label={t('targets.plan.open')} data-testid={`plan-${r.key}`} />
          </Tooltip>
        </Space>
      ),
  };

  return (
    <div data-testid="targets-by-unit">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <PeriodPicker value={period} onChange={setPeriod} testId="targets-period" />
        <Space>
          <Switch checked={showPeople} onChange={setShowPeople} data-testid="targets-show-people" />
          <Typography.Text>{t('targets.showPeople')}</Typography.Text>
        </Space>
      </Space>
      {check.data && !check.data.applicable && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('targets.notApplicable')} data-testid="targets-not-applicable" />}
      <ExportTable<TargetRow> exportName="targets-by-unit"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={tree}
        data-testid="targets-table"
        expandable={{ defaultExpandAllRows: true, indentSize: narrow ? 12 : 20 }}
        // Remount when the rows change shape so the whole tree opens expanded again.
        key={`${period}-${showPeople}-${unitList.length}`}
        columns={narrow ? [scopeColumn, actionsColumn] : [scopeColumn, targetColumn, shareColumn, checkColumn, actionsColumn]}
      />
      <CascadeDialog
        code={code}
        period={period}
        unit={kpi.unit}
        from={cascadeFrom}
        units={unitList}
        ownerUnitId={kpi.ownerUnitId}
        childTargets={children}
        onClose={() => setCascadeFrom(null)}
        onApplied={(toPeople) => toPeople && setShowPeople(true)}
      />
      <MonthlyPlan code={code} unit={kpi.unit} row={planFor} initialYear={Number(period.slice(0, 4))} onClose={() => setPlanFor(null)} />
    </div>
  );
}
