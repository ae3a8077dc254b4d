import { Alert, Button, Grid, InputNumber, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type OrgUnitT } from '../../api';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { periodLabel } from '../results/periods';
import { formatValueCompact } from '../results/display';
import { scopeFromKey } from './scope-key';
import { cascadeRecipients, recipientOptions, type Recipient } from './cascade-recipients';
import { defaultRecipients, type RecipientReason } from './default-recipients';
import { cascadeWeights, percentTotal, previewCascade, stepChoices, type WeightMode } from './cascade-weights';
import { useAllPeople, useCascade, useUnitsWithActuals } from './queries';
import type { TargetRow } from './target-tree';
import type { ScopeKey } from './types';
import { ExportTable } from '../../shell/ExportTable';

interface Props {
  code: string;
  period: string;
  unit: string | null | undefined;
  /** The row whose target is split; null when the dialog is closed. */
  from: TargetRow | null;
  units: readonly OrgUnitT[];
  /** The unit of the KPI's owner (KPI detail `ownerUnitId`), for the proposed recipients. */
  ownerUnitId: number | null;
  /** Parent key → keys of the targets it holds (targetChildren), for the proposed recipients. */
  childTargets: ReadonlyMap<ScopeKey, ScopeKey[]>;
  onClose(): void;
  /** After a successful cascade; `toPeople` when some parts went to people. */
  onApplied?(toPeople: boolean): void;
}

/** Phân bổ chỉ tiêu: splits a row's target over chosen units (and, from a unit, its people) by weight, previews the parts, then saves them. */
export function CascadeDialog({ code, period, unit, from, units, ownerUnitId, childTargets, onClose, onApplied }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const cascade = useCascade(code);
  const narrow = Grid.useBreakpoint().md === false;
  const { steps, initial } = stepChoices(unit);
  const people = useAllPeople(from?.scope.type === 'unit');
  const lastYear = Number(period.slice(0, 4)) - 1;
  const withActuals = useUnitsWithActuals(code, lastYear, from !== null);
  const [keys, setKeys] = useState<ScopeKey[]>([]);
  const [reason, setReason] = useState<RecipientReason | null>(null);
  const [mode, setMode] = useState<WeightMode>('equal');
  const [percents, setPercents] = useState<Record<ScopeKey, number | null>>({});
  const [step, setStep] = useState(initial);
  const [serverError, setServerError] = useState<string | null>(null);
  /** The row the proposal was made for: it is made once per opening, when what it needs has loaded. */
  const [proposedFor, setProposedFor] = useState<ScopeKey | null>(null);

  const groups = useMemo(() => (from ? cascadeRecipients(from.key, units, people.data?.items ?? []) : { units: [], people: [] }), [from, units, people.data]);
  const ready = from !== null && !withActuals.isPending && !(from.scope.type === 'unit' && people.isPending);
  useEffect(() => {
    if (!from) {
      setProposedFor(null);
      return;
    }
    if (!ready || proposedFor === from.key) return;
    const proposed = defaultRecipients(from.key, units, childTargets, groups, { ownerUnitId, unitsWithLastYearActuals: withActuals.data ?? [] });
    setKeys(proposed.keys);
    setReason(proposed.reason);
    setMode('equal');
    setPercents({});
    setStep(initial);
    setServerError(null);
    setProposedFor(from.key);
  }, [from, ready, proposedFor, units, childTargets, groups, ownerUnitId, withActuals.data, initial]);
  const ownerUnit = units.find((u) => u.id === ownerUnitId);

  const codeOf = useMemo(() => new Map(units.map((u) => [`unit:${u.id}`, u.code])), [units]);
  const byKey = useMemo(() => new Map<ScopeKey, Recipient>([...groups.units, ...groups.people].map((r) => [r.key, r])), [groups]);
  const options = recipientOptions(groups, { units: t('targets.cascade.groupUnits'), people: t('targets.cascade.groupPeople') });
  const total = from?.target?.value ?? null;
  const typed = keys.map((k) => percents[k] ?? null);
  const equalShare = keys.length > 0 ? 100 / keys.length : 0;
  const weights = cascadeWeights(mode, keys.length, typed);
  const percentSum = percentTotal(typed);
  const percentsOk = mode === 'equal' || percentSum === 100;
  const preview = total !== null && keys.length > 0 && percentsOk && weights.some((w) => w > 0) ? previewCascade(total, weights, step) : null;

  const submit = () => {
    if (!from || !preview?.ok) return;
    setServerError(null);
    cascade
      .mutateAsync({ period, from: from.scope, to: keys.map((k, i) => ({ scope: scopeFromKey(k), weight: weights[i] ?? 0 })), step })
      .then(() => {
        onApplied?.(keys.some((k) => k.startsWith('person:')));
        onClose();
      }, (e: unknown) => setServerError(e instanceof ApiError ? [e.message, ...e.issues.map((i) => i.message)].join(' ') : String(e)));
  };

  const rows = keys.map((key, i) => ({ key, recipient: byKey.get(key), testKey: codeOf.get(key) ?? key, value: preview?.ok ? preview.values[i] : undefined }));
  type PreviewRow = (typeof rows)[number];
  const valueOf = (r: PreviewRow) => (
    <span data-testid={`cascade-value-${r.testKey}`}>
      {formatKpiValue(r.value, unit, lang)}
      {r.value !== undefined && <Typography.Text type="secondary"> · {formatValueCompact(r.value, unit, lang)}</Typography.Text>}
    </span>
  );

  return (
    <Modal
      open={from !== null}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      title={from ? t('targets.cascade.title', { name: from.name, period: periodLabel(period, lang) }) : ''}
      modalRender={(node) => <div data-testid="cascade-dialog">{node}</div>}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!preview?.ok} loading={cascade.isPending} onClick={submit} data-testid="cascade-apply">
            {t('targets.cascade.apply')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text>
          {t('targets.cascade.from')}: <Typography.Text strong data-testid="cascade-total">{formatKpiValue(total, unit, lang)}</Typography.Text>
        </Typography.Text>
        {total === null && <Alert type="warning" showIcon title={t('targets.cascade.noTarget')} />}
        <div>
          <Typography.Text type="secondary">{t(groups.people.length > 0 ? 'targets.cascade.childrenAndPeople' : 'targets.cascade.children')}</Typography.Text>
          {reason && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }} data-testid="cascade-reason" data-reason={reason}>
              {t(`targets.cascade.reason.${reason}`, { year: lastYear, unit: ownerUnit ? `${ownerUnit.name} (${ownerUnit.code})` : '' })}
            </Typography.Paragraph>
          )}
          <Select<ScopeKey[]>
            mode="multiple"
            value={keys}
            onChange={setKeys}
            style={{ width: '100%' }}
            optionFilterProp="label"
            loading={!ready}
            options={options}
            data-testid="cascade-units"
          />
        </div>
        <Space wrap size="large">
          <Segmented<WeightMode>
            value={mode}
            onChange={(m) => {
              if (m === 'custom') setPercents(Object.fromEntries(keys.map((k) => [k, percents[k] ?? Math.round(equalShare * 100) / 100])));
              setMode(m);
            }}
            options={[
              { value: 'equal', label: t('targets.cascade.equal') },
              { value: 'custom', label: t('targets.cascade.custom') },
            ]}
            data-testid="cascade-mode"
          />
          <Space>
            <Typography.Text type="secondary">{t('targets.cascade.step')}</Typography.Text>
            <Select value={step} onChange={setStep} style={{ width: 150 }} options={steps.map((s) => ({ value: s, label: formatKpiValue(s, unit, lang) }))} data-testid="cascade-step" />
          </Space>
        </Space>
        <ExportTable exportName="target-cascade"
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          data-testid="cascade-preview"
          // Fixed layout at phone width so the weight column keeps its width and the names wrap.
          tableLayout={narrow ? 'fixed' : undefined}
          locale={{ emptyText: t(groups.people.length > 0 ? 'targets.cascade.pickRecipients' : 'targets.cascade.pickUnits') }}
          columns={[
            {
              title: t('targets.col.scope'),
              key: 'scope',
              render: (_: unknown, r) => (
                <span>
                  {r.recipient?.label ?? r.key}
                  {r.recipient?.scope.type === 'person' && (
                    <Tag color="blue" style={{ marginLeft: 6 }}>
                      {t('targets.person')}
                    </Tag>
                  )}
                  {/* At phone width the part goes under the name instead of a third column. */}
                  {narrow && <div>{valueOf(r)}</div>}
                </span>
              ),
            },
            {
              title: t('targets.cascade.weight'),
              key: 'weight',
              width: narrow ? 96 : 150,
              render: (_: unknown, r) =>
                mode === 'equal' ? (
                  `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 }).format(equalShare)} %`
                ) : (
                  <InputNumber<number>
                    size="small"
                    min={0}
                    max={100}
                    value={percents[r.key] ?? null}
                    onChange={(v) => setPercents((p) => ({ ...p, [r.key]: v }))}
                    suffix="%"
                    decimalSeparator={lang === 'vi' ? ',' : '.'}
                    style={{ width: narrow ? 84 : 110 }}
                    data-testid={`cascade-weight-${r.testKey}`}
                  />
                ),
            },
            ...(narrow ? [] : [{ title: t('targets.col.target'), key: 'value', align: 'right' as const, render: (_: unknown, r: PreviewRow) => valueOf(r) }]),
          ]}
        />
        {mode === 'custom' && !percentsOk && (
          <Alert type="error" showIcon data-testid="cascade-percent-error" title={t('targets.cascade.percentOff', { sum: new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 }).format(percentSum) })} />
        )}
        {preview && !preview.ok && <Alert type="error" showIcon title={preview.error[lang]} data-testid="cascade-preview-error" />}
        {preview?.ok && total !== null && (
          <Alert type="success" showIcon data-testid="cascade-sum" title={t('targets.cascade.sumOk', { total: formatKpiValue(total, unit, lang) })} />
        )}
        {serverError && <Alert type="error" showIcon title={serverError} data-testid="cascade-error" />}
      </Space>
    </Modal>
  );
}
