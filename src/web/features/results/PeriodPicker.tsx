import { Segmented, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePeriod, type CalendarPeriodKind } from '../../../core/period';
import { useSession } from '../../session';
import { browserToday, periodChoices, periodKeyOf, periodLabel } from './periods';

const KINDS: CalendarPeriodKind[] = ['month', 'quarter', 'year'];
const BACK: Record<string, number> = { month: 24, quarter: 8, year: 4 };

/** The period of the current month, for pages that open on "now". */
export function currentMonthKey(): string {
  return periodKeyOf(browserToday(), 'month');
}

/** Month / quarter / year, then which one (newest first). */
export function PeriodPicker({ value, onChange, testId = 'period-picker' }: { value: string; onChange(key: string): void; testId?: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const kind = parsePeriod(value).kind as CalendarPeriodKind;
  const today = browserToday();
  const choices = useMemo(() => periodChoices(kind, today, BACK[kind] ?? 12, kind === 'year' ? 1 : 0), [kind, today]);
  return (
    <Space wrap data-testid={testId}>
      <Segmented<CalendarPeriodKind>
        value={kind}
        onChange={(k) => onChange(periodKeyOf(parsePeriod(value).start, k))}
        options={KINDS.map((k) => ({ value: k, label: t(`results.kind.${k}`) }))}
        data-testid={`${testId}-kind`}
      />
      <Select
        value={value}
        onChange={onChange}
        style={{ width: 170 }}
        options={choices.map((k) => ({ value: k, label: periodLabel(k, lang) }))}
        data-testid={`${testId}-key`}
      />
    </Space>
  );
}
