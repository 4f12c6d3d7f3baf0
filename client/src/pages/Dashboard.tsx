/**
 * The live dashboard: one card per live incident with its level (colour and name), plan, time since
 * declaration, units acknowledged, overdue count, the next deadlines and the live timeline. Each part has
 * a fixed height, so streaming updates never move the layout.
 */
import { Link } from 'react-router';
import { PendingText } from '../components/PendingText.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { Countdown, IncidentLevel, ProgressBar, useNow } from '../components/common.tsx';
import { pick, useLang, useT } from '../i18n.ts';
import { elapsed } from '../logic/countdown.ts';
import { formatDateTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import type { IncidentSummary } from '../types.ts';

export const isLive = (i: IncidentSummary) => i.status === 'active' || i.status === 'proposed';

export function IncidentCard({
  incident,
  now,
  timelineRows = 5,
}: {
  incident: IncidentSummary;
  now: number;
  timelineRows?: number;
}) {
  const t = useT();
  const lang = useLang();
  const facts = useConsole((s) => s.timelines[incident.id]) ?? [];
  const since = incident.declaredAt ?? incident.openedAt;
  const c = incident.counts;
  return (
    <article className="card" aria-labelledby={`card-${incident.id}`} data-incident={incident.id}>
      <header className="card-head">
        <IncidentLevel incident={incident} />
        <h3 id={`card-${incident.id}`}>
          <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
        </h3>
        {incident.drill && <span className="tag">{t('drill')}</span>}
      </header>
      <p className="muted">
        {pick(incident.planTitle, lang)} · {t(`status_${incident.status}`)} ·{' '}
        {t('sinceDeclared', { time: elapsed(since, now, lang) })}
      </p>
      {incident.pending && (
        <p className="pending">
          <PendingText pending={incident.pending} planId={incident.planId} />
        </p>
      )}
      <ProgressBar
        done={c.unitsAcknowledged}
        total={c.units}
        label={t('unitsAcknowledged', { done: c.unitsAcknowledged, total: c.units })}
      />
      <p className={c.overdue > 0 ? 'overdue' : 'muted'} data-testid="overdue">
        {c.overdue > 0 ? t('overdueCount', { n: c.overdue }) : t('noOverdue')}
      </p>
      <h4>{t('nextClocks')}</h4>
      <ul className="clocks" style={{ minHeight: '4.8em' }}>
        {incident.nextDue.length === 0 && <li className="muted">{t('noClocks')}</li>}
        {incident.nextDue.map((d) => (
          <li key={d.taskId}>
            {d.dueAt !== null && <Countdown dueAt={d.dueAt} now={now} />} {pick(d.title, lang)}（
            {d.units.join('、')}；{d.clause}）
            {d.dueAt !== null && <span className="muted"> {formatDateTime(d.dueAt, lang)}</span>}
          </li>
        ))}
      </ul>
      <h4>{t('timeline')}</h4>
      <Timeline facts={facts} limit={timelineRows} planId={incident.planId} />
    </article>
  );
}

export function Dashboard() {
  const t = useT();
  const lang = useLang();
  const now = useNow(1000);
  const incidents = useConsole((s) => s.incidents);
  const all = Object.values(incidents).sort((a, b) => b.openedAt - a.openedAt);
  const live = all.filter(isLive);
  const ended = all.filter((i) => !isLive(i)).slice(0, 20);
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">{t('liveIncidents')}</h1>
      {live.length === 0 && <p className="empty">{t('noIncidents')}</p>}
      <div className="cards">
        {live.map((i) => (
          <IncidentCard key={i.id} incident={i} now={now} />
        ))}
      </div>
      {ended.length > 0 && (
        <>
          <h2>{t('endedIncidents')}</h2>
          <ul className="ended">
            {ended.map((i) => (
              <li key={i.id}>
                <Link to={`/incidents/${i.id}`}>{i.title}</Link> · {pick(i.planTitle, lang)} ·{' '}
                {t(`status_${i.status}`)} · {formatDateTime(i.openedAt, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
