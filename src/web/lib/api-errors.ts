import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type IssueT } from '../api';

/**
 * Where an API issue path belongs on a form and what users call it. Keys are issue paths with
 * list indexes written as `*` (`parents.*.weight`). `label` is an i18n key; `{{n}}` in its text is
 * the 1-based position of the first index ("Trọng số của KPI cấp trên 1"). `field` is the form
 * field when it is not the path itself (`*` takes the path's indexes in order), `null` when the
 * form has no field for it (the label still names it in the message).
 */
export interface FieldSpec {
  label?: string;
  field?: readonly string[] | null;
}
export type FieldMap = Readonly<Record<string, FieldSpec>>;

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface PlacedIssue {
  /** The form field to show the message under; null when the form has none for this path. */
  name: (string | number)[] | null;
  /** What users call the field, null when the map does not know the path. */
  label: string | null;
  /** The server's message with the path replaced by the label. */
  message: string;
}

/** `parents.0.weight` → `parents.*.weight` (the key of a FieldMap). */
export function pathPattern(path: string): string {
  return path
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? '*' : p))
    .join('.');
}

/** A map from plain field names (`['code', 'name']`): each name is its own field, labelled by the form. */
export function fieldMapOf(names: readonly string[]): FieldMap {
  return Object.fromEntries(names.map((n) => [n, {}]));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The server's message in the user's words: 'Trường "parents.0.weight" là bắt buộc.' → 'Trọng số của KPI cấp trên 1 là bắt buộc.' */
export function humanMessage(message: string, path: string, label: string): string {
  const quoted = `"${escapeRegExp(path)}"`;
  return message
    .replace(new RegExp(`^(Trường|Field) ${quoted}`), label)
    .replace(new RegExp(`\\((trường|field) ${quoted}\\)`, 'g'), `(${label})`)
    .replace(new RegExp(quoted, 'g'), `"${label}"`);
}

/** Finds the form field and the label of one API issue. */
export function placeIssue(issue: Pick<IssueT, 'path' | 'message'>, map: FieldMap, t: Translate): PlacedIssue {
  const path = issue.path.replace(/^body\./, '');
  const spec = map[pathPattern(path)];
  if (!spec) return { name: null, label: null, message: issue.message };
  const indexes = path.split('.').filter((p) => /^\d+$/.test(p)).map(Number);
  const label = spec.label ? t(spec.label, { n: (indexes[0] ?? 0) + 1 }) : null;
  let name: (string | number)[] | null;
  if (spec.field === null) name = null;
  else if (spec.field === undefined) name = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  else {
    let i = 0;
    name = spec.field.map((p) => (p === '*' ? (indexes[i++] ?? 0) : p));
  }
  return { name, label, message: label ? humanMessage(issue.message, path, label) : issue.message };
}

/**
 * What to tell the user about a failed request: every issue under its field, and one message for the
 * page in their words (the issues' own messages when there are any, so no API path reaches the screen).
 */
export function explainError(error: ApiError, map: FieldMap, t: Translate): { fields: { name: (string | number)[]; errors: string[] }[]; message: string } {
  const placed = error.issues.map((i) => placeIssue(i, map, t));
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const p of placed) {
    if (!p.name) continue;
    const key = p.name.join('.');
    const entry = fields.get(key) ?? { name: p.name, errors: [] };
    entry.errors.push(p.message);
    fields.set(key, entry);
  }
  const messages = [...new Set(placed.map((p) => p.message))];
  const message = messages.length === 0 ? error.message : messages.slice(0, 3).join(' ') + (messages.length > 3 ? ' …' : '');
  return { fields: [...fields.values()], message };
}

/**
 * Returns a handler that shows an API error: each field issue under its field (by the map, or a
 * plain list of field names) and a message naming fields as users know them.
 */
export function useShowError(): (error: unknown, form?: FormInstance, fields?: FieldMap | readonly string[]) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error, form, fields) => {
      if (!(error instanceof ApiError)) {
        void message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      const map = Array.isArray(fields) ? fieldMapOf(fields as readonly string[]) : ((fields ?? {}) as FieldMap);
      const explained = explainError(error, map, (k, o) => t(k, o) as string);
      if (form && explained.fields.length > 0) form.setFields(explained.fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      void message.error(explained.message);
    },
    [message, t],
  );
}
