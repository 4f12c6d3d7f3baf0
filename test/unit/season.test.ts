/** The Shanghai calendar date without a time-zone library agrees with date-fns-tz's, at every boundary. */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { inSeason, shanghaiMonthDay } from '../../shared/engine/season.ts';

const withTz = (ms: number) => format(new TZDate(ms, 'Asia/Shanghai'), 'MM-dd');

describe('the Shanghai calendar date', () => {
  it('equals date-fns-tz for every hour around each month end and the year ends of 2000–2100', () => {
    const instants: number[] = [];
    for (const year of [2000, 2001, 2004, 2024, 2026, 2027, 2099, 2100])
      for (let month = 0; month < 12; month += 1)
        for (let h = -30; h <= 30; h += 1) instants.push(Date.UTC(year, month, 1) + h * 3_600_000);
    for (const ms of instants) expect(shanghaiMonthDay(ms), new Date(ms).toISOString()).toBe(withTz(ms));
  });

  it.each([
    // 16:00 UTC on 30 Sept is 00:00 on 1 Oct in Shanghai: inside the 10-01…03-31 window
    [Date.UTC(2026, 8, 30, 16, 0), true],
    [Date.UTC(2026, 8, 30, 15, 59), false],
    [Date.UTC(2027, 2, 31, 15, 59), true],
    [Date.UTC(2027, 2, 31, 16, 0), false],
  ])('the window 10-01…03-31 holds %s: %s', (ms, expected) => {
    expect(inSeason(ms, '10-01', '03-31')).toBe(expected);
    expect(inSeason(ms, '04-01', '09-30')).toBe(!expected);
  });
});
