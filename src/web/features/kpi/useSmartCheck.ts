import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { toDraftBody, type KpiFormValues } from './form-values';
import type { SmartPreviewT } from './types';

export const SMART_CHECK_DELAY_MS = 300;

/**
 * The live SMART check of the form (POST /api/kpis/smart-check), debounced. Findings carry both
 * languages, so a language switch re-renders them without asking again; that is also why this
 * stays out of the query cache (a language switch refetches every cached query).
 */
export function useSmartCheck(values: Partial<KpiFormValues> | undefined): { preview: SmartPreviewT | undefined; checking: boolean } {
  const [preview, setPreview] = useState<SmartPreviewT | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const sent = useRef<string>('');
  const seq = useRef(0);
  const json = values ? JSON.stringify(toDraftBody(values)) : '';

  useEffect(() => {
    if (!json || json === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = json;
      const mine = ++seq.current;
      setChecking(true);
      api<SmartPreviewT>('POST', '/api/kpis/smart-check', JSON.parse(json) as unknown)
        .then(
          (r) => {
            if (mine === seq.current) setPreview(r);
          },
          (e: unknown) => {
            sent.current = '';
            console.warn('SMART check failed', e);
          },
        )
        .finally(() => {
          if (mine === seq.current) setChecking(false);
        });
    }, SMART_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [json]);

  return { preview, checking };
}
