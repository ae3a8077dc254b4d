import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api';
import { PageSpinner } from './PageSpinner';
import { useSession, useUser } from '../session';
import { LanguageSwitch } from './LanguageSwitch';
import { activeNavKey, canSee, NAV } from './nav';

const { Sider, Header, Content } = Layout;

export default function AppShell() {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const items = NAV.filter((n) => canSee(n.action, user)).map((n) => ({ key: n.key, icon: n.icon, label: t(n.labelKey) }));
  const selected = activeNavKey(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" width={220} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 18, color: '#1f6feb' }}>{collapsed ? 'OK' : 'OpenKPI'}</div>
        <Menu
          data-testid="side-nav"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={({ key }) => {
            const item = NAV.find((n) => n.key === key);
            if (item) void navigate(item.path);
          }}
          style={{ borderInlineEnd: 'none' }}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24, display: 'flex', justifyContent: 'flex-end' }}>
          <Space size="middle">
            <LanguageSwitch />
            <Space size={6}>
              <UserOutlined />
              <Typography.Text strong data-testid="user-name">
                {user.name}
              </Typography.Text>
              <Tag>{t(`roles.${user.role}`)}</Tag>
            </Space>
            <Button
              icon={<LogoutOutlined />}
              data-testid="logout"
              onClick={() => {
                logout().then(
                  () => void navigate('/login'),
                  (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e)),
                );
              }}
            >
              {t('shell.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
