import { KeyOutlined, LockOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type PersonViewT } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/api-errors';
import { useSession } from '../../session';
import { ROLES, type Role } from '../../../core/auth/roles';

export interface AccountT {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  personId: number | null;
}

interface ResetLinkT {
  path: string;
  expiresAt: string;
}

export const usersKey = ['users'] as const;

export function useAccounts() {
  return useQuery({ queryKey: usersKey, queryFn: () => api<{ items: AccountT[] }>('GET', '/api/users').then((r) => r.items) });
}

/** The login of a person, for admins: create it (no password: hand over a reset link), change its role, lock it, issue a reset link. */
export function PersonAccount({ person }: { person: PersonViewT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const accounts = useAccounts();
  // By the login's person link: the row the drawer was opened from may predate a login created here.
  const account = accounts.data?.find((a) => a.personId === person.id) ?? null;
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [createForm] = Form.useForm<{ email: string; role: Role }>();
  const [role, setRole] = useState<Role | null>(null);
  const [link, setLink] = useState<ResetLinkT | null>(null);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: usersKey });
    await queryClient.invalidateQueries({ queryKey: ['people'] });
  };

  const create = useMutation({
    mutationFn: (v: { email: string; role: Role }) =>
      api<AccountT>('POST', '/api/users', { email: v.email.trim(), name: person.fullName, role: v.role, personId: person.id }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('account.created'));
    },
    onError: (e) => showError(e, createForm, ['email', 'role']),
  });

  const update = useMutation({
    mutationFn: (patch: { role?: Role; active?: boolean }) => api<AccountT>('PATCH', `/api/users/${account!.id}`, patch),
    onSuccess: async () => {
      setRole(null);
      await refresh();
      void message.success(t('common.saved'));
    },
    onError: (e) => showError(e),
  });

  const reset = useMutation({
    mutationFn: () => api<ResetLinkT>('POST', `/api/users/${account!.id}/reset-link`),
    onSuccess: (l) => setLink(l),
    onError: (e) => showError(e),
  });

  if (accounts.isLoading) return null;
  if (!account) {
    return (
      <div data-testid="account-section">
        <Typography.Title level={5}>{t('account.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('account.none')}</Typography.Paragraph>
        <Form
          form={createForm}
          layout="vertical"
          initialValues={{ email: person.email ?? '', role: 'employee' }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="email" label={t('account.email')} rules={[{ required: true, type: 'email', message: t('people.emailInvalid') }]}>
            <Input data-testid="account-email" maxLength={254} />
          </Form.Item>
          <Form.Item name="role" label={t('account.role')}>
            <Select data-testid="account-role" options={roleOptions} />
          </Form.Item>
          <Button type="primary" ghost htmlType="submit" icon={<UserAddOutlined />} loading={create.isPending} data-testid="account-create">
            {t('account.create')}
          </Button>
        </Form>
      </div>
    );
  }

  const fullLink = link ? `${window.location.origin}${link.path}` : null;
  return (
    <div data-testid="account-section">
      <Typography.Title level={5}>
        {t('account.title')} {!account.active && <Tag color="red">{t('account.locked')}</Tag>}
      </Typography.Title>
      <Descriptions column={1} size="small" items={[{ key: 'email', label: t('account.email'), children: account.email }]} />
      <Space wrap style={{ margin: '12px 0' }}>
        <Select<Role> value={role ?? account.role} onChange={setRole} options={roleOptions} style={{ minWidth: 160 }} data-testid="account-role" />
        <Button disabled={role === null || role === account.role} loading={update.isPending} onClick={() => update.mutate({ role: role! })} data-testid="account-role-save">
          {t('account.changeRole')}
        </Button>
      </Space>
      <Space wrap>
        <Button
          danger={account.active}
          icon={account.active ? <LockOutlined /> : <UnlockOutlined />}
          onClick={() => update.mutate({ active: !account.active })}
          data-testid="account-active-toggle"
        >
          {account.active ? t('account.lock') : t('account.unlock')}
        </Button>
        <Button icon={<KeyOutlined />} disabled={!account.active} loading={reset.isPending} onClick={() => reset.mutate()} data-testid="account-reset-link">
          {t('account.resetLink')}
        </Button>
      </Space>
      {fullLink && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('account.linkReady', { time: formatDateTime(link!.expiresAt, lang) })}
          description={
            <Typography.Paragraph copyable={{ text: fullLink }} style={{ marginBottom: 0, wordBreak: 'break-all' }} data-testid="account-link">
              {fullLink}
            </Typography.Paragraph>
          }
        />
      )}
    </div>
  );
}
