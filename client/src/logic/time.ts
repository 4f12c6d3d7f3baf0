/** Times as the command office reads them: Asia/Shanghai, whatever the browser's own zone. */
import type { Lang } from '../../../shared/engine/text.ts';

export const ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, kind: 'time' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: ZONE,
      hour12: false,
      hour: '2-digit',
      minute: '2-digit',
      ...(kind === 'dateTime' ? { month: '2-digit', day: '2-digit' } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

/** "14:05" */
export const formatTime = (ms: number, lang: Lang) => fmt(lang, 'time').format(ms);
/** "11/24 14:05" */
export const formatDateTime = (ms: number, lang: Lang) => fmt(lang, 'dateTime').format(ms);

/**
 * A `datetime-local` value ("2026-11-24T14:05") read as Shanghai time, as an ISO instant with its offset.
 * China keeps no daylight saving, so the offset is always +08:00.
 */
export const shanghaiLocalToIso = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;

/** The current Shanghai wall time as a `datetime-local` value. */
export function nowAsShanghaiLocal(now: number): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 16);
}
