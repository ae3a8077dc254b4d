import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, resetCsrf, type UserT } from '../api';
import { currentLang, i18n, rememberLang, type UiLang } from '../i18n';

interface Session {
  /** undefined while the first /auth/session is in flight; null when logged out. */
  user: UserT | null | undefined;
  lang: UiLang;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setLang(lang: UiLang): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user as a non-null value (use inside the app shell only). */
export function useUser(): UserT {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

async function applyLang(lang: UiLang): Promise<void> {
  rememberLang(lang);
  document.documentElement.lang = lang;
  if (currentLang() !== lang) await i18n.changeLanguage(lang);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<UserT | null | undefined>(undefined);
  const [lang, setLangState] = useState<UiLang>(currentLang());

  const switchTo = useCallback(async (next: UiLang) => {
    await applyLang(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = currentLang();
    // /auth/session answers 200 with user null when signed out, so a fresh visit logs no error.
    api<{ user: UserT | null }>('GET', '/api/auth/session').then(
      async ({ user: me }) => {
        if (me) await switchTo(me.locale);
        setUser(me);
      },
      (e: unknown) => {
        console.warn(e);
        setUser(null);
      },
    );
  }, [switchTo]);

  // A session the server ended (12 hours, 30 minutes unused, logout elsewhere): back to the login page, not a page of errors.
  useEffect(() => {
    const ended = (error: unknown) => {
      if (!(error instanceof ApiError) || error.status !== 401 || error.code !== 'UNAUTHENTICATED') return;
      resetCsrf();
      queryClient.clear();
      setUser(null);
    };
    const queries = queryClient.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error') ended(e.action.error);
    });
    const mutations = queryClient.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error') ended(e.action.error);
    });
    return () => {
      queries();
      mutations();
    };
  }, [queryClient]);

  const value = useMemo<Session>(
    () => ({
      user,
      lang,
      async login(email, password) {
        const { user: me } = await api<{ user: UserT }>('POST', '/api/auth/login', { email, password });
        resetCsrf();
        queryClient.clear();
        await switchTo(me.locale);
        setUser(me);
      },
      async logout() {
        await api('POST', '/api/auth/logout');
        resetCsrf();
        queryClient.clear();
        setUser(null);
      },
      async setLang(next) {
        await switchTo(next);
        if (user) {
          const { user: me } = await api<{ user: UserT }>('PATCH', '/api/auth/me', { locale: next });
          setUser(me);
        }
        // Server-made texts (messages, labels) come in the request's language: fetch them again.
        void queryClient.invalidateQueries();
      },
    }),
    [user, lang, queryClient, switchTo],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
