import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSession } from '../../../session';

interface Props {
  /** `yyyy-mm-dd` or empty. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId?: string;
}

/** A calendar date kept as `yyyy-mm-dd` (what the API takes), shown dd/mm/yyyy in Vietnamese. */
export function DateField({ value, onChange, testId }: Props) {
  const { lang } = useSession();
  return (
    <DatePicker
      data-testid={testId}
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format={lang === 'vi' ? 'DD/MM/YYYY' : 'D MMM YYYY'}
      style={{ width: '100%' }}
    />
  );
}
