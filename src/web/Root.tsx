import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiError, setLanguageSource } from './api';
import { AppRoutes } from './routes';
import { currentLang } from './i18n';
import { SessionProvider, useSession } from './session';

setLanguageSource(currentLang);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers will not change on retry.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

const THEME = { token: { colorPrimary: '#1f6feb', borderRadius: 6 } };

function Localized({ children }: { children: ReactNode }) {
  const { lang } = useSession();
  useEffect(() => {
    dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <Localized>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </Localized>
      </SessionProvider>
    </QueryClientProvider>
  );
}
