/** The live timeline of an incident: newest first, one line per fact, in the plan's words and people's names. */
import type { IncidentEvent } from '../../../shared/engine/incident.ts';
import type { Fact } from '../../../shared/protocol/live.ts';
import { useLang, useT } from '../i18n.ts';
import { usePeople, useKnownPeople } from '../live/people.ts';
import { describeFact } from '../logic/facts.ts';
import { formatTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';

/** the accounts a fact names */
const actors = (e: IncidentEvent): string[] => [
  ...('by' in e ? [e.by] : []),
  ...('signedBy' in e && e.signedBy ? [e.signedBy] : []),
];

/**
 * `reserve`: keep room for `limit` lines from the start, so that a dashboard card does not grow under the
 * reader's eyes as facts arrive; a page that shows a whole history lets it take the room it needs (50
 * reserved lines left a short history with a screen of blank space below it).
 */
export function Timeline({
  facts,
  limit,
  planId,
  reserve = true,
}: {
  facts: Fact[];
  limit: number;
  planId: string;
  reserve?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const plan = useConsole((s) => s.plans.find((p) => p.id === planId));
  const people = usePeople();
  const shown = facts.slice(-limit).reverse();
  useKnownPeople(shown.flatMap((f) => actors(f.event)));
  return (
    <ol
      className="timeline"
      style={reserve ? { minHeight: `${limit * 1.6}em` } : undefined}
      aria-label={t('timeline')}
    >
      {shown.map((f) => {
        const text = describeFact(f.event, plan, lang, people);
        // a card cuts a long line: the whole of it on hover
        return (
          <li key={f.seq} title={text}>
            <time>{formatTime(f.event.at, lang)}</time> {text}
          </li>
        );
      })}
    </ol>
  );
}
