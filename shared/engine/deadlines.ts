/**
 * When a one-off clock falls due, counted in Asia/Shanghai from its milestone. Pure: every function takes
 * the instant it works from. Working days follow China's announced holidays (./workdays.ts), so this module
 * is the scheduler's, not the browser's.
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, endOfDay } from 'date-fns';
import type { ClockStart, Offset } from '../plans/schema.ts';
import { atTimeOfDay, dayKey, ZONE } from './time.ts';
import { workdayAfter } from './workdays.ts';

const MINUTE = 60_000;

/** The last instant of the Shanghai calendar day "2026-10-10". */
function endOfShanghaiDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return endOfDay(new TZDate(y, m - 1, d, ZONE)).getTime();
}

/**
 * The end of a period counted from `from`. A period of N working days ends at the close of the Nth working
 * day after the day of `from`, skipping statutory holidays and counting the weekend days worked in their
 * place (响应终止 3 个工作日内 from 30 September 2026 ends on Saturday 10 October, a swapped workday).
 */
export function addOffset(from: number, offset: Offset): number {
  if (offset.minutes) return from + offset.minutes * MINUTE;
  if (offset.hours) return from + offset.hours * 60 * MINUTE;
  if (offset.months) return addMonths(new TZDate(from, ZONE), offset.months).getTime();
  if (offset.workingDays) return endOfShanghaiDay(workdayAfter(dayKey(from), offset.workingDays));
  throw new Error('empty offset');
}

/** Due instant of a one-off clock once its milestone is known. */
export function dueAfter(start: ClockStart, milestoneAt: number): number | null {
  if (start.kind === 'after') return addOffset(milestoneAt, start.offset);
  if (start.kind === 'nextDayBy') return atTimeOfDay(milestoneAt, start.time, 1);
  return null;
}
