/**
 * Deadline arithmetic in Asia/Shanghai. Pure: every function takes the instant it works from; nothing here
 * reads the clock. Instants are epoch milliseconds.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, endOfDay, format, isAfter, setHours, setMinutes, startOfDay } from 'date-fns';

export const ZONE = 'Asia/Shanghai';

const inZone = (ms: number) => new TZDate(ms, ZONE);

/** "2026-11-23" for the Shanghai calendar day of an instant. */
export function dayKey(ms: number): string {
  return format(inZone(ms), 'yyyy-MM-dd');
}

/** "2026-11-23 16:00" in Shanghai time, for messages. */
export function formatShanghai(ms: number): string {
  return format(inZone(ms), 'yyyy-MM-dd HH:mm');
}

/** The instant of "HH:mm" on the Shanghai day that contains `ms`, moved by `days`. */
export function atTimeOfDay(ms: number, time: string, days = 0): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return setMinutes(setHours(startOfDay(addDays(inZone(ms), days)), h), m).getTime();
}

/**
 * The daily deadlines of a clock between `from` (exclusive) and the end of the Shanghai day of `until`:
 * one per day, at the clock's time.
 */
export function dailyDeadlines(time: string, from: number, until: number): number[] {
  const out: number[] = [];
  for (let day = 0; ; day++) {
    const due = atTimeOfDay(from, time, day);
    if (dayKey(due) > dayKey(until)) return out;
    if (due > from) out.push(due);
  }
}

/** The next yearly deadline (month, day) at or after `now`, at the close of that day. */
export function nextYearly(month: number, day: number, now: number): number {
  const z = inZone(now);
  const thisYear = endOfDay(new TZDate(z.getFullYear(), month - 1, day, ZONE)).getTime();
  return isAfter(thisYear, now)
    ? thisYear
    : endOfDay(new TZDate(z.getFullYear() + 1, month - 1, day, ZONE)).getTime();
}

export { inSeason } from './season.ts';
