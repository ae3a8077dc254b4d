import { App, Segmented } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api';
import type { UiLang } from '../i18n';
import { useSession } from '../session';

/** VI / EN; remembered in this browser and, when signed in, on the user. */
export function LanguageSwitch() {
  const { lang, setLang } = useSession();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Segmented<UiLang>
      data-testid="lang-switch"
      size="small"
      disabled={busy}
      value={lang}
      options={[
        { label: 'VI', value: 'vi' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={(next) => {
        setBusy(true);
        setLang(next)
          .catch((e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e)))
          .finally(() => setBusy(false));
      }}
    />
  );
}
