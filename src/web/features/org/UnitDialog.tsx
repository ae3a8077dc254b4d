import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OrgUnitT } from '../../api';
import { useShowError, type FieldMap } from '../../lib/api-errors';
import { orgKeys } from './queries';
import { descendantIds } from './unit-tree';
import { UnitTreeSelect } from './UnitTreeSelect';

export type UnitDialogMode = 'create' | 'rename' | 'move';

interface Props {
  mode: UnitDialogMode | null;
  units: readonly OrgUnitT[];
  /** The selected unit: the parent for 'create', the unit itself for 'rename' and 'move'. */
  unit: OrgUnitT | null;
  onClose(created?: OrgUnitT): void;
}

interface Values {
  code?: string;
  name?: string;
  parentId?: number | null;
}

const FIELDS: FieldMap = { code: { label: 'org.unitCode' }, name: { label: 'org.unitName' }, parentId: { label: 'org.parentUnit' } };

/** Add a child unit, rename a unit, or move it under a new parent. */
export function UnitDialog({ mode, units, unit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode === 'create') form.setFieldsValue({ parentId: unit?.id ?? null });
    if (mode === 'rename') form.setFieldsValue({ name: unit?.name });
    if (mode === 'move') form.setFieldsValue({ parentId: unit?.parentId ?? null });
  }, [mode, unit, form]);

  const blocked = useMemo(() => (mode === 'move' && unit ? descendantIds(units, unit.id) : undefined), [mode, unit, units]);

  const save = useMutation({
    mutationFn: async (v: Values): Promise<OrgUnitT> => {
      if (mode === 'create') return api('POST', '/api/org-units', { code: v.code, name: v.name, parentId: v.parentId ?? null });
      if (!unit) throw new Error('no unit');
      const body = mode === 'rename' ? { name: v.name } : { parentId: v.parentId ?? null };
      return api('PATCH', `/api/org-units/${unit.id}`, body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.units });
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      void message.success(t('common.saved'));
      onClose(mode === 'create' ? saved : undefined);
    },
    onError: (e) => showError(e, form, FIELDS),
  });

  const title = mode === 'create' ? t('org.addUnit') : mode === 'rename' ? t('org.renameUnit') : t('org.moveUnit');
  return (
    <Modal
      open={mode !== null}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="unit-form">
        {mode === 'create' && (
          <Form.Item name="code" label={t('org.unitCode')} rules={[{ required: true, message: t('common.required') }]} extra={t('org.unitCodeHint')}>
            <Input data-testid="unit-code" maxLength={40} />
          </Form.Item>
        )}
        {(mode === 'create' || mode === 'rename') && (
          <Form.Item name="name" label={t('org.unitName')} rules={[{ required: true, message: t('common.required') }]}>
            <Input data-testid="unit-name" maxLength={200} />
          </Form.Item>
        )}
        {(mode === 'create' || mode === 'move') && (
          <Form.Item name="parentId" label={t('org.parentUnit')} extra={mode === 'move' && unit ? t('org.moveHint', { name: unit.name }) : undefined}>
            <UnitTreeSelect units={units} disabledIds={blocked} allowClear placeholder={t('org.noParent')} testId="unit-parent" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
