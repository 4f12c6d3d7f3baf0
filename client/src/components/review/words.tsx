/**
 * How the 总结评估 page says times, people and levels, the way the .docx says them (server/exports/
 * reviewDocx.ts): times as formatShanghai writes them ("2026-01-15 09:00", Asia/Shanghai, with the year, since
 * a report is read long after), people as the record names them ("姓名（职务）"), levels in the page's language.
 */
import type { Lang } from '../../../../shared/engine/text.ts';
import { formatShanghai } from '../../../../shared/engine/time.ts';
import type { Plan } from '../../../../shared/plans/schema.ts';
import { usePeople } from '../../live/people.ts';
import { useLang } from '../../i18n.ts';
import { personLabel } from '../../logic/facts.ts';

/** A word of shared/views/reviewWords.ts in the language. */
export const say = (w: { zh: string; en: string }, lang: Lang) => w[lang];

/** "（text）" in Chinese, " (text)" in English; nothing for nothing. */
export const paren = (s: string, lang: Lang) => (s ? (lang === 'zh' ? `（${s}）` : ` (${s})`) : '');

/** "2026-01-15 09:00", Asia/Shanghai: what the .docx and the problem sentences write. */
export const shanghai = (ms: number) => formatShanghai(ms);
/** The same, never broken across two lines (a signature's date and hour stay together). */
export const shanghaiWhole = (ms: number) => formatShanghai(ms).replace(' ', '\u00a0');

/** Account ids as people: "值班员（演示账号）", "张三（办公室主任）"; an unknown account shows its id. */
export function useNames(): (id: string) => string {
  const people = usePeople();
  const lang = useLang();
  return (id) => personLabel(id, people, lang);
}

/** The review names levels in Chinese (its steps and tasks); the plan gives the English of the same name. */
export function levelIn(plan: Plan | null, zh: string, lang: Lang): string {
  if (lang === 'zh') return zh;
  return plan?.levels.find((l) => l.name.zh === zh)?.name.en ?? zh;
}
