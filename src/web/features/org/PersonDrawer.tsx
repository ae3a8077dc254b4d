import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OrgUnitT, type PersonT } from '../../api';
import { useShowError, type FieldMap } from '../../lib/api-errors';
import { usePeople, usePositions } from './queries';
import { UnitTreeSelect } from './UnitTreeSelect';

interface Props {
  open: boolean;
  units: readonly OrgUnitT[];
  defaultUnitId: number | null;
  onClose(): void;
}

interface Values {
  fullName: string;
  email?: string;
  unitId: number;
  positionId?: number | null;
  managerId?: number | null;
}

const FIELDS: FieldMap = {
  fullName: { label: 'people.name' },
  email: { label: 'people.email' },
  unitId: { label: 'people.unit' },
  positionId: { label: 'people.position' },
  managerId: { label: 'people.manager' },
};

/** "Add person": name, email, unit, position and manager. */
export function PersonDrawer({ open, units, defaultUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const positions = usePositions();
  const [managerQuery, setManagerQuery] = useState('');
  const managers = usePeople({ q: managerQuery || undefined, limit: 20, offset: 0 }, open);

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (defaultUnitId !== null) form.setFieldsValue({ unitId: defaultUnitId });
    }
  }, [open, defaultUnitId, form]);

  const create = useMutation({
    mutationFn: (v: Values) =>
      api<PersonT>('POST', '/api/people', {
        fullName: v.fullName,
        email: v.email?.trim() ? v.email.trim() : null,
        unitId: v.unitId,
        positionId: v.positionId ?? null,
        managerId: v.managerId ?? null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      void message.success(t('people.created'));
      onClose();
    },
    onError: (e) => showError(e, form, FIELDS),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('people.add')}
      size={440}
      destroyOnHidden
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="person-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="person-form">
        <Form.Item name="fullName" label={t('people.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="person-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label={t('people.email')} rules={[{ type: 'email', message: t('people.emailInvalid') }]}>
          <Input data-testid="person-email" maxLength={254} />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect units={units} testId="person-unit" />
        </Form.Item>
        <Form.Item name="positionId" label={t('people.position')}>
          <Select
            allowClear
            data-testid="person-position"
            loading={positions.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(positions.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="managerId" label={t('people.manager')}>
          <Select
            allowClear
            data-testid="person-manager"
            loading={managers.isFetching}
            showSearch={{ filterOption: false, onSearch: setManagerQuery }}
            placeholder={t('people.managerSearch')}
            options={(managers.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} · ${p.unitName}` }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
