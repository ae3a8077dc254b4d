import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { formatKpiValue } from '../../kpi/format-value';
import { ValueInput } from '../../kpi/ValueInput';
import { useAgreement } from './queries';
import { targetActions, targetDialogNeeds, type TargetAction } from './sheet-rules';
import type { SheetT, SheetItemT } from './types';
import { WriteError } from './WriteError';

interface Values {
  value?: number | null;
  reason?: string;
}

/** The target steps this user may take on one KPI item, each through a small dialog (value and reason as the step needs). */
export function TargetActions({ sheet, item }: { sheet: SheetT; item: SheetItemT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [action, setAction] = useState<TargetAction | null>(null);
  const [form] = Form.useForm<Values>();
  const save = useAgreement(sheet.id);
  if (item.kind !== 'kpi') return null;
  const actions = targetActions(item.targetStatus, sheet.can);
  // An open dialog stays open when a refresh takes its button away (the cycle moved on): the user finishes and
  // reads the server's answer (e.g. CYCLE_LOCKED) instead of seeing their typing vanish.
  if (actions.length === 0 && action === null) return null;
  const needs = action ? targetDialogNeeds(action, item.target) : null;

  const open = (a: TargetAction) => {
    save.reset();
    form.resetFields();
    form.setFieldsValue({ value: a === 'counter' || a === 'propose' ? null : item.target, reason: '' });
    setAction(a);
  };
  const submit = (v: Values) => {
    if (!action) return;
    const value = needs?.value === 'none' ? undefined : (v.value ?? undefined);
    save.mutate({ itemId: item.id, body: { action, ...(value !== undefined ? { value } : {}), reason: v.reason?.trim() ?? '' } }, { onSuccess: () => setAction(null) });
  };

  return (
    <>
      <Space wrap size={6}>
        {actions.map((a) => (
          <Button key={a} size="small" type={a === 'accept' || a === 'propose' ? 'primary' : 'default'} onClick={() => open(a)} data-testid={`target-${a}-${item.code}`}>
            {t(`sheet.action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`sheet.dialog.${action}`, { item: item.name[lang] }) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        okText={action ? t(`sheet.action.${action}`) : ''}
        cancelText={t('sheet.cancel')}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'target-dialog-ok' } as never}
        destroyOnHidden
      >
        <WriteError error={save.error} testId="target-dialog-error" />
        {item.target !== null && (
          <Typography.Paragraph type="secondary">
            {t('sheet.dialog.current', { value: formatKpiValue(item.target, item.unit, lang), status: t(`sheet.status.${item.targetStatus}`) })}
          </Typography.Paragraph>
        )}
        <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          {needs && needs.value !== 'none' && (
            <Form.Item
              name="value"
              label={t('sheet.dialog.value')}
              extra={item.unit === 'VND' ? t('sheet.dialog.moneyHint') : undefined}
              rules={needs.value === 'required' ? [{ required: true, message: t('sheet.dialog.valueRequired') }] : []}
            >
              <ValueInput unit={item.unit} testId="target-dialog-value" />
            </Form.Item>
          )}
          {needs && (
            <Form.Item
              name="reason"
              label={needs.reason ? t('sheet.dialog.reasonRequired') : t('sheet.dialog.reason')}
              rules={needs.reason ? [{ required: true, whitespace: true, message: t('sheet.dialog.reasonMissing') }] : []}
            >
              <Input.TextArea rows={2} maxLength={1000} data-testid="target-dialog-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
