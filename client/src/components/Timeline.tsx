/** The live timeline of an incident: newest first, one line per fact, in the plan's words. */
import type { Fact } from '../../../shared/protocol/live.ts';
import { useLang, useT } from '../i18n.ts';
import { describeFact } from '../logic/facts.ts';
import { formatTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';

export function Timeline({ facts, limit, planId }: { facts: Fact[]; limit: number; planId: string }) {
  const t = useT();
  const lang = useLang();
  const plan = useConsole((s) => s.plans.find((p) => p.id === planId));
  const shown = facts.slice(-limit).reverse();
  return (
    <ol className="timeline" style={{ minHeight: `${limit * 1.6}em` }} aria-label={t('timeline')}>
      {shown.map((f) => (
        <li key={f.seq}>
          <time>{formatTime(f.event.at, lang)}</time> {describeFact(f.event, plan, lang)}
        </li>
      ))}
    </ol>
  );
}
