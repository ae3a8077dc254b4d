import type { Holiday } from '../calendar/ports';
import type { Store } from '../ports';

const day = (d: string, name: string, nameEn: string): Holiday => ({ day: d, name, nameEn });
const tet = (dates: string[], year: string): Holiday[] => dates.map((d) => day(d, `Tết Nguyên đán ${year}`, `Lunar New Year (Tết) ${year}`));

/**
 * Vietnam's public holidays 2025–2027 (the working days off; weekends are off anyway). 2025 and Tết 2026 as the
 * government announced them; the rest as expected from the Labour Code (Art. 112: Tết, Hùng Kings' day 10/3 of
 * the lunar calendar, 30/4, 1/5, 2/9 with the day before or after; a holiday on a weekend is taken the next
 * working day). A company edits its list on /settings/calendar.
 */
export const VIETNAM_HOLIDAYS: readonly Holiday[] = [
  day('2025-01-01', 'Tết Dương lịch', "New Year's Day"),
  ...tet(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], 'Ất Tỵ'),
  day('2025-04-07', 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration Day"),
  day('2025-04-30', 'Ngày Giải phóng miền Nam', 'Reunification Day'),
  day('2025-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day'),
  day('2025-05-02', 'Nghỉ bù (đổi ngày làm việc 26/04)', 'Day off (swapped with Saturday 26/04)'),
  day('2025-09-01', 'Nghỉ lễ Quốc khánh', 'National Day holiday'),
  day('2025-09-02', 'Quốc khánh', 'National Day'),

  day('2026-01-01', 'Tết Dương lịch', "New Year's Day"),
  ...tet(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], 'Bính Ngọ'),
  day('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04 là Chủ nhật)', "Hùng Kings' Day in lieu (26/04 is a Sunday)"),
  day('2026-04-30', 'Ngày Giải phóng miền Nam', 'Reunification Day'),
  day('2026-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day'),
  day('2026-09-01', 'Nghỉ lễ Quốc khánh', 'National Day holiday'),
  day('2026-09-02', 'Quốc khánh', 'National Day'),

  day('2027-01-01', 'Tết Dương lịch', "New Year's Day"),
  ...tet(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'], 'Đinh Mùi'),
  day('2027-04-16', 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration Day"),
  day('2027-04-30', 'Ngày Giải phóng miền Nam', 'Reunification Day'),
  day('2027-05-03', 'Nghỉ bù Quốc tế Lao động (01/05 là Thứ bảy)', 'Labour Day in lieu (01/05 is a Saturday)'),
  day('2027-09-02', 'Quốc khánh', 'National Day'),
  day('2027-09-03', 'Nghỉ lễ Quốc khánh', 'National Day holiday'),
];

/** The demo company's holiday list (added once; existing dates are kept). */
export async function seedDemoHolidays(store: Store): Promise<number> {
  return store.calendar.addHolidays(VIETNAM_HOLIDAYS);
}
