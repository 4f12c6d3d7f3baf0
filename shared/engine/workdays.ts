/**
 * China's working days: Monday to Friday, less the statutory holidays and plus the weekend days worked in
 * their place, as the State Council's General Office announces them each year (国务院办公厅关于部分节假日
 * 安排的通知) and the maintained `chinese-days` package holds them (offline data, updated with the package).
 * A year the package does not hold yet (the next year's schedule is announced around November) counts
 * Monday to Friday; `holidaysKnown` says which.
 *
 * Only the package's data is read, by calendar date: its functions turn dates into days in the machine's own
 * zone, and gave 9 October for 10 October on a server behind UTC.
 *
 * Server-side only (the scheduler's deadlines): the browser never computes a deadline, and keeping this out
 * of the modules it loads keeps the calendar's data out of its bundle.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

const holidays: Readonly<Record<string, string>> = data.holidays;
const workdays: Readonly<Record<string, string>> = data.workdays;

/** Does the package hold the year's announced holidays (元旦 is one in every year's notice)? */
export function holidaysKnown(year: number): boolean {
  return Object.hasOwn(holidays, `${year}-01-01`);
}

/** Is the calendar day "2026-10-10" a working day? */
export function isWorkingDay(day: string): boolean {
  if (Object.hasOwn(workdays, day)) return true;
  if (Object.hasOwn(holidays, day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`th working day after the calendar day `day` ("2026-09-30" + 3 → "2026-10-10"). */
export function workdayAfter(day: string, n: number): string {
  // calendar dates as UTC midnights: a day later is 24 hours later, with no zone in between
  let at = Date.parse(`${day}T00:00:00Z`);
  for (let left = n; left > 0;) {
    at += 86_400_000;
    if (isWorkingDay(new Date(at).toISOString().slice(0, 10))) left--;
  }
  return new Date(at).toISOString().slice(0, 10);
}
