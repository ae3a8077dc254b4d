import { useSearchParams } from 'react-router';
import { isPeriodKey } from './periods';
import { currentMonthKey } from './PeriodPicker';

/** The page's period kept in the address (`?period=2026-Q1`), so a view can be shared; the current month by default. */
export function usePeriodParam(): [string, (key: string) => void] {
  const [asked, setPeriod] = useAskedPeriod();
  return [asked ?? currentMonthKey(), setPeriod];
}

/**
 * The period in the address, or undefined when none is asked for: the server then opens on the current
 * month if it has data (in progress), else the latest month with data — never an empty month.
 */
export function useAskedPeriod(): [string | undefined, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period = raw && isPeriodKey(raw) && !raw.includes('..') && !raw.includes('W') ? raw : undefined;
  const setPeriod = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('period', key);
        return next;
      },
      { replace: true },
    );
  return [period, setPeriod];
}
