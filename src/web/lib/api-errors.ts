import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api';

/**
 * Returns a handler that shows an API error with the server's own message and,
 * when a form is given, puts each field issue under its field.
 */
export function useShowError(): (error: unknown, form?: FormInstance, fields?: readonly string[]) => void {
  const { message } = App.useApp();
  return useCallback(
    (error, form, fields) => {
      if (!(error instanceof ApiError)) {
        void message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      const known = new Set(fields ?? []);
      const onFields = form ? error.issues.filter((i) => known.has(fieldOf(i.path))) : [];
      if (form && onFields.length > 0) {
        form.setFields(onFields.map((i) => ({ name: fieldOf(i.path), errors: [i.message] })));
      }
      void message.error(error.message);
    },
    [message],
  );
}

/** "body.email" / "email" → "email". */
function fieldOf(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 1] ?? path;
}
