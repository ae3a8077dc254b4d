import { Alert, App, Button, Checkbox, Collapse, Input, List, Modal, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_PLAN_STATUS_LABELS, MISS_REASONS, MISS_REASON_LABELS, type MissReason } from '../../../core/diagnostics';
import { useSession } from '../../session';
import { PlanForm } from './PlanForm';
import { useDiagnosticsWrites, type ReasonWrite } from './queries';
import { ddmmyyyy, type MissItemT, type ScopeT } from './types';

interface Draft {
  checked: boolean;
  comment: string;
  controllable: boolean;
  fromSuggestion: boolean;
}

/** What the dialog opens with: the recorded reasons, else the suggestions ticked for the owner to confirm. */
function initialDraft(item: MissItemT): Record<MissReason, Draft> {
  const suggested = new Set(item.suggestions.map((s) => s.reason));
  const recorded = new Map(item.reasons.map((r) => [r.reason, r]));
  return Object.fromEntries(
    MISS_REASONS.map((reason) => {
      const r = recorded.get(reason);
      return [reason, r ? { checked: true, comment: r.comment ?? '', controllable: r.controllable, fromSuggestion: r.fromSuggestion } : { checked: item.reasons.length === 0 && suggested.has(reason), comment: '', controllable: reason !== 'external', fromSuggestion: suggested.has(reason) }];
    }),
  ) as Record<MissReason, Draft>;
}

/** "Why missed?": tick the reasons (suggestions pre-ticked, each saying why), then add action plans to a recorded reason. */
export function MissDialog({ item, period, scope, onClose }: { item: MissItemT; period: string; scope: ScopeT; onClose(): void }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const writes = useDiagnosticsWrites();
  const [draft, setDraft] = useState(() => initialDraft(item));
  const [current, setCurrent] = useState(item);
  const why = new Map(item.suggestions.map((s) => [s.reason, s.why[lang]]));
  const set = (reason: MissReason, patch: Partial<Draft>) => setDraft((d) => ({ ...d, [reason]: { ...d[reason], ...patch } }));

  const save = async () => {
    const reasons: ReasonWrite[] = MISS_REASONS.filter((r) => draft[r].checked).map((r) => ({
      reason: r,
      comment: draft[r].comment.trim() || null,
      controllable: draft[r].controllable,
      fromSuggestion: draft[r].fromSuggestion,
    }));
    const res = await writes.saveReasons.mutateAsync({ kpi: item.code, scope, period, reasons });
    setCurrent(res.item);
    message.success(t('diagnostics.saved'));
  };

  return (
    <Modal open title={`${t('diagnostics.whyMissed')} — ${item.code}`} onCancel={onClose} footer={null} width={720} data-testid="miss-dialog" destroyOnHidden>
      {writes.saveReasons.error && <Alert type="error" showIcon title={writes.saveReasons.error.message} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        dataSource={[...MISS_REASONS]}
        renderItem={(reason) => (
          <List.Item style={{ display: 'block' }} data-testid={`reason-${reason}`}>
            <Checkbox checked={draft[reason].checked} onChange={(e) => set(reason, { checked: e.target.checked })} data-testid={`reason-check-${reason}`}>
              {MISS_REASON_LABELS[reason][lang]}
            </Checkbox>
            {why.has(reason) && (
              <Tag color="blue" style={{ marginInlineStart: 4, whiteSpace: 'normal' }}>
                {t('diagnostics.suggested')}: {why.get(reason)}
              </Tag>
            )}
            {draft[reason].checked && (
              <Space style={{ width: '100%', marginTop: 6 }} direction="vertical" size={4}>
                <Input.TextArea autoSize placeholder={t('diagnostics.comment')} value={draft[reason].comment} maxLength={4000} onChange={(e) => set(reason, { comment: e.target.value })} />
                <Space>
                  <Switch size="small" checked={draft[reason].controllable} onChange={(v) => set(reason, { controllable: v })} />
                  <span>{t('diagnostics.controllable')}</span>
                </Space>
              </Space>
            )}
          </List.Item>
        )}
      />
      <Button type="primary" onClick={() => void save()} loading={writes.saveReasons.isPending} data-testid="reasons-save" style={{ margin: '8px 0 16px' }}>
        {t('diagnostics.saveReasons')}
      </Button>
      <Typography.Title level={5}>{t('diagnostics.plans')}</Typography.Title>
      {current.reasons.length === 0 && <Typography.Text type="secondary">{t('diagnostics.plansNeedReason')}</Typography.Text>}
      <Collapse
        size="small"
        items={current.reasons.map((r) => ({
          key: r.id,
          label: `${MISS_REASON_LABELS[r.reason][lang]} (${r.plans.length})`,
          children: (
            <>
              {r.plans.map((p) => (
                <div key={p.id} style={{ marginBottom: 8 }} data-testid="plan-row">
                  <Tag>{ACTION_PLAN_STATUS_LABELS[p.status][lang]}</Tag> {p.action}
                  <Typography.Text type="secondary"> {[p.ownerName, ddmmyyyy(p.dueOn)].filter(Boolean).join(' · ')}</Typography.Text>
                </div>
              ))}
              {writes.addPlan.error && <Alert type="error" showIcon title={writes.addPlan.error.message} />}
              <PlanForm
                busy={writes.addPlan.isPending}
                onSubmit={async (plan) => {
                  const res = await writes.addPlan.mutateAsync({ ...plan, reasonId: r.id });
                  setCurrent((c) => ({ ...c, reasons: c.reasons.map((x) => (x.id === r.id ? { ...x, plans: [...x.plans, res.plan] } : x)) }));
                  message.success(t('diagnostics.saved'));
                }}
              />
            </>
          ),
        }))}
      />
    </Modal>
  );
}
