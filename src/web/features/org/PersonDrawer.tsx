import { StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Drawer, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OrgUnitT, type PersonT, type PersonViewT } from '../../api';
import { useShowError } from '../../lib/api-errors';
import { userCan, userCanAtAll, useUser } from '../../session';
import { PersonAccount } from './PersonAccount';
import { usePeople, usePositions } from './queries';
import { UnitTreeSelect } from './UnitTreeSelect';

interface Props {
  open: boolean;
  units: readonly OrgUnitT[];
  defaultUnitId: number | null;
  /** The person to edit; null adds a new one. */
  person: PersonViewT | null;
  onClose(): void;
}

interface Values {
  fullName: string;
  email?: string;
  unitId: number;
  positionId?: number | null;
  managerId?: number | null;
}

const FIELDS = ['fullName', 'email', 'unitId', 'positionId', 'managerId'] as const;

/**
 * One person: add, or edit (name, email, move to another unit, position, manager), deactivate or reactivate
 * (people are never deleted), and for admins their login (create, role, lock, reset link).
 */
export function PersonDrawer({ open, units, defaultUnitId, person, onClose }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const positions = usePositions();
  const [managerQuery, setManagerQuery] = useState('');
  const managers = usePeople({ q: managerQuery || undefined, limit: 20, offset: 0 }, open);
  const editing = person !== null;
  const target = person ? { scope: 'person' as const, personId: person.id, unitId: person.unitId } : null;
  const canEdit = target === null ? userCanAtAll(user, 'person.manage') : userCan(user, 'person.manage', target);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (person) {
      form.setFieldsValue({ fullName: person.fullName, email: person.email ?? '', unitId: person.unitId, positionId: person.positionId, managerId: person.managerId });
    } else if (defaultUnitId !== null) form.setFieldsValue({ unitId: defaultUnitId });
  }, [open, person, defaultUnitId, form]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['people'] });
    await queryClient.invalidateQueries({ queryKey: ['org-units-summary'] });
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        fullName: v.fullName,
        email: v.email?.trim() ? v.email.trim() : null,
        unitId: v.unitId,
        positionId: v.positionId ?? null,
        managerId: v.managerId ?? null,
      };
      return person ? api<PersonT>('PATCH', `/api/people/${person.id}`, body) : api<PersonT>('POST', '/api/people', body);
    },
    onSuccess: async () => {
      await refresh();
      void message.success(editing ? t('common.saved') : t('people.created'));
      onClose();
    },
    onError: (e) => showError(e, form, FIELDS),
  });

  const setActive = useMutation({
    mutationFn: (active: boolean) => api<PersonT>('PATCH', `/api/people/${person!.id}`, { active }),
    onSuccess: async (p) => {
      await refresh();
      void message.success(p.active ? t('person.reactivated') : t('person.deactivated'));
      onClose();
    },
    onError: (e) => showError(e),
  });

  const confirmActive = (active: boolean) =>
    modal.confirm({
      title: active ? t('person.reactivateConfirm', { name: person!.fullName }) : t('person.deactivateConfirm', { name: person!.fullName }),
      content: active ? undefined : t('person.deactivateHint'),
      okText: active ? t('person.reactivate') : t('person.deactivate'),
      cancelText: t('common.cancel'),
      onOk: () => setActive.mutateAsync(active).catch(() => undefined),
    });

  const managerOptions = (managers.data?.items ?? []).filter((p) => p.id !== person?.id).map((p) => ({ value: p.id, label: `${p.fullName} · ${p.unitName}` }));
  if (person?.managerId && person.managerName && !managerOptions.some((o) => o.value === person.managerId)) {
    managerOptions.unshift({ value: person.managerId, label: person.managerName });
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={
        person ? (
          <Space size={6} wrap>
            <span data-testid="person-drawer-title">{person.fullName}</span>
            {!person.active && <Tag>{t('people.inactive')}</Tag>}
          </Space>
        ) : (
          t('people.add')
        )
      }
      size={480}
      destroyOnHidden
      forceRender
      extra={
        canEdit && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="person-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => save.mutate(v)} data-testid="person-form">
        <Form.Item name="fullName" label={t('people.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="person-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label={t('people.email')} rules={[{ type: 'email', message: t('people.emailInvalid') }]}>
          <Input data-testid="person-email" maxLength={254} />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.unit')} rules={[{ required: true, message: t('common.required') }]} extra={editing ? t('person.moveHint') : undefined}>
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
            options={managerOptions}
          />
        </Form.Item>
      </Form>
      {person && canEdit && (
        <>
          <Divider />
          <Typography.Paragraph type="secondary">{person.active ? t('person.deactivateHint') : t('person.inactiveHint')}</Typography.Paragraph>
          <Button
            danger={person.active}
            icon={person.active ? <StopOutlined /> : <UndoOutlined />}
            loading={setActive.isPending}
            onClick={() => confirmActive(!person.active)}
            data-testid="person-active-toggle"
          >
            {person.active ? t('person.deactivate') : t('person.reactivate')}
          </Button>
        </>
      )}
      {person && userCanAtAll(user, 'user.manage') && (
        <>
          <Divider />
          <PersonAccount key={person.id} person={person} />
        </>
      )}
    </Drawer>
  );
}
