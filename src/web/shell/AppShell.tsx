import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageSpinner } from './PageSpinner';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu } from './NavMenu';
import { useNarrowHeader, usePhone } from './use-phone';
import { UserMenu } from './UserMenu';
import { Bell } from '../features/notifications/Bell';
import '../styles/phone.css';

const { Sider, Header, Content } = Layout;

const LOGO = { fontWeight: 700, fontSize: 18, color: '#1f6feb', whiteSpace: 'nowrap' } as const;

/** Desktop: a collapsible side bar. Phone (< 768 px): a menu button opens the navigation as a drawer. Below 1200 px the user is an avatar. */
export default function AppShell() {
  const { t } = useTranslation();
  const phone = usePhone();
  const narrowHeader = useNarrowHeader();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" width={220} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ ...LOGO, padding: '16px 20px' }}>{collapsed ? 'OK' : 'OpenKPI'}</div>
          <NavMenu testId="side-nav" />
        </Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          size={272}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<span style={LOGO}>OpenKPI</span>}
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          <NavMenu testId="drawer-nav" onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            paddingInline: phone ? 8 : 24,
            display: 'flex',
            alignItems: 'center',
            gap: phone ? 8 : 16,
          }}
        >
          {phone && (
            <>
              <Button type="text" icon={<MenuOutlined />} aria-label={t('shell.menu')} onClick={() => setDrawerOpen(true)} data-testid="nav-toggle" />
              <span style={LOGO} data-testid="header-logo">
                OpenKPI
              </span>
            </>
          )}
          <div style={{ flex: 1 }} />
          <LanguageSwitch />
          <Bell />
          <UserMenu compact={narrowHeader} />
        </Header>
        <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
