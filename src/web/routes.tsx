import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from './session';
import { canSee, NAV } from './shell/nav';
import { PageSpinner } from './shell/PageSpinner';
import { KPI_ROUTES } from './features/kpi/routes';

const LoginPage = lazy(() => import('./features/login/LoginPage'));
const AppShell = lazy(() => import('./shell/AppShell'));


function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (user === undefined) return <PageSpinner />;
  if (user === null) return <Navigate to="/login" replace />;
  return children;
}

function LoginRoute() {
  const { user } = useSession();
  if (user === undefined) return <PageSpinner />;
  if (user) return <Navigate to="/" replace />;
  return <LoginPage />;
}

function RoleGate({ roles, children }: { roles: readonly string[] | undefined; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !canSee(roles, user.role)) return <Navigate to="/" replace />;
  return children;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route
          element={
            <RequireUser>
              <AppShell />
            </RequireUser>
          }
        >
          {NAV.map((item) => (
            <Route
              key={item.key}
              path={item.path}
              element={
                <RoleGate roles={item.roles}>
                  <item.page />
                </RoleGate>
              }
            />
          ))}
          {KPI_ROUTES.map((r) => (
            <Route
              key={r.path}
              path={r.path}
              element={
                <RoleGate roles={r.roles}>
                  <r.page />
                </RoleGate>
              }
            />
          ))}
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
