import { useSearchParams } from 'react-router';
import { isPeriodKey } from './periods';
import { currentMonthKey } from './PeriodPicker';

/** The page's period kept in the address (`?period=2026-Q1`), so a view can be shared; the current month by default. */
export function usePeriodParam(): [string, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period = raw && isPeriodKey(raw) && !raw.includes('..') && !raw.includes('W') ? raw : currentMonthKey();
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
