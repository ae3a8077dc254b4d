import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { explainError } from '../../../lib/api-errors';

/**
 * The server's answer to a refused write, kept on screen (a toast fades): its own message in the user's
 * language; a locked cycle (409 CYCLE_LOCKED) gets a title that says so.
 */
export function WriteError({ error, testId = 'sheet-write-error' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const message = api ? explainError(api, {}, (k, o) => t(k, o) as string).message : error instanceof Error ? error.message : String(error);
  const locked = api?.code === 'CYCLE_LOCKED';
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      data-code={api?.code}
      title={locked ? t('sheet.lockedTitle') : message}
      description={locked ? message : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}
