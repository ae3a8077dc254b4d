import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from './session';
import { canSee, NAV } from './shell/nav';
import type { Action } from '../core/auth/permissions';
import { PageSpinner } from './shell/PageSpinner';
import { KPI_ROUTES } from './features/kpi/routes';
import { APPRAISAL_ROUTES } from './features/appraisal/routes';
import { DATASET_ROUTES } from './features/datasets/routes';
import { MARKETING_ROUTES } from './features/marketing/routes';
import { DIAGNOSTICS_ROUTES } from './features/diagnostics/routes';
import { CALENDAR_ROUTES } from './features/calendar/routes';
import { NOTIFICATION_ROUTES } from './features/notifications/routes';
import { REPORT_ROUTES } from './features/reports/routes';

const LoginPage = lazy(() => import('./features/login/LoginPage'));
const ResetPasswordPage = lazy(() => import('./features/login/ResetPasswordPage'));
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

function ActionGate({ action, beyondSelf, children }: { action: Action | undefined; beyondSelf?: boolean | undefined; children: ReactNode }) {
  const { user } = useSession();
  if (!user) return <Navigate to="/" replace />;
  if (!canSee(action, user, beyondSelf)) {
    // The first page this user may open (an agency login has no home page: it lands on its campaigns).
    const landing = NAV.find((i) => canSee(i.action, user, i.beyondSelf));
    return landing && landing.path !== '/' ? <Navigate to={landing.path} replace /> : <Navigate to="/" replace />;
  }
  return children;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
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
                <ActionGate action={item.action} beyondSelf={item.beyondSelf}>
                  <item.page />
                </ActionGate>
              }
            />
          ))}
          {[...KPI_ROUTES, ...APPRAISAL_ROUTES, ...DATASET_ROUTES, ...MARKETING_ROUTES, ...DIAGNOSTICS_ROUTES, ...CALENDAR_ROUTES, ...NOTIFICATION_ROUTES, ...REPORT_ROUTES].map((r) => (
            <Route
              key={r.path}
              path={r.path}
              element={
                <ActionGate action={r.action}>
                  <r.page />
                </ActionGate>
              }
            />
          ))}
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
