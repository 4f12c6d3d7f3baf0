/** How long until a deadline (or how far past it), in the words a duty officer reads at a glance. */
import type { Lang } from '../../../shared/engine/text.ts';

export interface Countdown {
  overdue: boolean;
  /** "1小时05分" / "1 h 05 min"; seconds only in the last ten minutes, where they matter */
  text: string;
  /** the last 30 minutes, or overdue: shown in the warning style */
  urgent: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function countdown(dueAt: number, now: number, lang: Lang): Countdown {
  const diff = dueAt - now;
  const overdue = diff < 0;
  const total = Math.floor(Math.abs(diff) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  let body: string;
  if (lang === 'zh') {
    if (days > 0) body = `${days}天${hours}小时`;
    else if (hours > 0) body = `${hours}小时${pad(minutes)}分`;
    else if (total < 600) body = `${minutes}分${pad(seconds)}秒`;
    else body = `${minutes}分钟`;
  } else {
    if (days > 0) body = `${days} d ${hours} h`;
    else if (hours > 0) body = `${hours} h ${pad(minutes)} min`;
    else if (total < 600) body = `${minutes} min ${pad(seconds)} s`;
    else body = `${minutes} min`;
  }
  const text = overdue
    ? lang === 'zh'
      ? `已超时 ${body}`
      : `overdue by ${body}`
    : lang === 'zh'
      ? `剩余 ${body}`
      : `${body} left`;
  return { overdue, text, urgent: overdue || diff <= 30 * 60_000 };
}

/** Time elapsed since an instant: "3小时12分" / "3 h 12 min". */
export function elapsed(since: number, now: number, lang: Lang): string {
  const total = Math.max(0, Math.floor((now - since) / 60_000));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  // the first minute is not "0 minutes" on a wall screen: it reads as a stale clock
  if (total === 0) return lang === 'zh' ? '不到1分钟' : 'under a minute';
  if (lang === 'zh')
    return days > 0
      ? `${days}天${hours}小时`
      : hours > 0
        ? `${hours}小时${pad(minutes)}分`
        : `${minutes}分钟`;
  return days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${pad(minutes)} min` : `${minutes} min`;
}
