import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api';
import { useSession, useUser } from '../session';
import { initials } from './initials';
import { useChangePassword } from './ChangePassword';

/** Who is signed in and the way out: name, role and a button on desktop; an avatar with a menu on a phone. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const password = useChangePassword();
  const signOut = () => {
    logout().then(
      () => void navigate('/login'),
      (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e)),
    );
  };

  if (compact) {
    return (
      <>
      {password.dialog}
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <Space orientation="vertical" size={2} data-testid="user-menu-who">
                  <Typography.Text strong>{user.name}</Typography.Text>
                  <Tag style={{ marginInlineEnd: 0 }}>{t(`roles.${user.role}`)}</Tag>
                </Space>
              ),
            },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('account.changePassword')}</span>, onClick: password.open },
            { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('shell.logout')}</span>, onClick: signOut },
          ],
        }}
      >
        <Button type="text" shape="circle" aria-label={t('shell.account')} title={user.name} style={{ padding: 0 }}>
          <Avatar size={32} style={{ background: '#1f6feb' }} data-testid="user-name">
            {initials(user.name)}
          </Avatar>
        </Button>
      </Dropdown>
      </>
    );
  }

  return (
    <Space size="middle">
      <Space size={6}>
        <UserOutlined />
        <Typography.Text strong data-testid="user-name">
          {user.name}
        </Typography.Text>
        <Tag>{t(`roles.${user.role}`)}</Tag>
      </Space>
      {password.dialog}
      <Button icon={<KeyOutlined />} data-testid="change-password" onClick={password.open}>
        {t('account.changePassword')}
      </Button>
      <Button icon={<LogoutOutlined />} data-testid="logout" onClick={signOut}>
        {t('shell.logout')}
      </Button>
    </Space>
  );
}
