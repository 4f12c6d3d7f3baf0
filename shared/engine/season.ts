/**
 * Seasons of the year in Shanghai, without a time-zone library: the browser checks a measure's season (the
 * pollution plan's winter window) for every level it shows, and date-fns was the largest part of what that
 * cost on the first screen. China has kept UTC+8 all year since 1991, so the Shanghai calendar date of an
 * instant in this console's range (2000–2100, shared/protocol/live.ts) is its UTC date eight hours later.
 * test/unit/season.test.ts checks it against date-fns-tz.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** "MM-DD" of the Shanghai calendar date of an instant. */
export function shanghaiMonthDay(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Is the Shanghai calendar date of `ms` inside a yearly window "MM-DD" to "MM-DD" (both inclusive)? */
export function inSeason(ms: number, from: string, to: string): boolean {
  const md = shanghaiMonthDay(ms);
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}
