import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useUser } from '../session';
import { activeNavKey, canSee, NAV } from './nav';

/** The navigation entries the user may open; used by the side bar (desktop) and the drawer (phone). */
export function NavMenu({ testId, onNavigate }: { testId: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = NAV.filter((n) => canSee(n.action, user, n.beyondSelf)).map((n) => ({ key: n.key, icon: n.icon, label: t(n.labelKey) }));
  const selected = activeNavKey(pathname);
  return (
    <Menu
      data-testid={testId}
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={({ key }) => {
        const item = NAV.find((n) => n.key === key);
        if (item) void navigate(item.path);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
