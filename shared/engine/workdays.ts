/**
 * China's working days: Monday to Friday, less the statutory holidays and plus the weekend days worked in
 * their place, as the State Council's General Office announces them each year (国务院办公厅关于部分节假日
 * 安排的通知) and the maintained `chinese-days` package holds them (offline data, updated with the package).
 * A year the package does not hold yet (the next year's schedule is announced around November) counts
 * Monday to Friday; `holidaysKnown` says which, so a deadline can say how it was counted.
 *
 * Server-side only (the scheduler's deadlines): the browser never computes a deadline, and keeping this out
 * of the modules it loads keeps the calendar's data out of its bundle.
 */
import calendar from 'chinese-days';

/** Does the package hold the year's announced holidays (its 元旦 is named, not merely a weekday)? */
export function holidaysKnown(year: number): boolean {
  return calendar.getDayDetail(`${year}-01-01`).name.includes('元旦');
}

/** The `n`th working day after the Shanghai calendar day `day` ("2026-09-30" + 3 → "2026-10-10"). */
export function workdayAfter(day: string, n: number): string {
  return calendar.findWorkday(n, day);
}
