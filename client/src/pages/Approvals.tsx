/** What waits for this director's or commander's signature, oldest first, each opening its incident. */
import { Link } from 'react-router';
import { canSign } from '../../../shared/engine/authority.ts';
import { IncidentLevel } from '../components/common.tsx';
import { PendingText } from '../components/PendingText.tsx';
import { pick, useLang, useT } from '../i18n.ts';
import { usePeople } from '../live/people.ts';
import { personLabel } from '../logic/facts.ts';
import { formatDateTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';

export default function Approvals() {
  const t = useT();
  const lang = useLang();
  const role = useConsole((s) => s.user?.role);
  const people = usePeople();
  const waiting = Object.values(useConsole((s) => s.incidents))
    .filter((i) => i.pending && role && role !== 'unit' && canSign(role, i.pending.signer))
    .sort((a, b) => a.pending!.at - b.pending!.at);
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t('navApprovals')}</h1>
      {waiting.length === 0 && <p className="empty">{t('approvalsEmpty')}</p>}
      <ul className="approvals">
        {waiting.map((i) => {
          const p = i.pending!;
          return (
            <li key={i.id} className="card" data-incident={i.id}>
              <IncidentLevel incident={i} /> <Link to={`/incidents/${i.id}`}>{i.title}</Link> ·{' '}
              {pick(i.planTitle, lang)}
              <p>
                <PendingText pending={p} planId={i.planId} />
              </p>
              <p className="muted">
                {t('proposedBy', { by: personLabel(p.by, people, lang), time: formatDateTime(p.at, lang) })}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
