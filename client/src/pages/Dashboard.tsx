/**
 * The live dashboard: one card per live incident (reported and being graded, awaiting a signature, or
 * active) with its level (colour and name), plan, time since declaration (or since the report), what the
 * counts say — units and tasks acknowledged, done (and late), overdue, reaching no one, closed undone —
 * the next deadlines and the live timeline. Each part has a fixed height, so streaming updates never move
 * the layout. Ended incidents follow as a list, with what was left undone.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { PendingText } from '../components/PendingText.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { Countdown, IncidentLevel, ProgressBar, useNow } from '../components/common.tsx';
import { pick, useLang, useT } from '../i18n.ts';
import { live } from '../live/connection.ts';
import { elapsed } from '../logic/countdown.ts';
import { formatDateTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import type { IncidentSummary } from '../../../shared/protocol/contract.ts';

/** Live: reported and being graded (its first obligations already run), awaiting a signature, or active. */
export const isLive = (i: IncidentSummary) =>
  i.status === 'active' || i.status === 'proposed' || i.status === 'open';

/**
 * The counts, each saying what it counts: tasks acknowledged, done (of which late), overdue, and — when
 * there are any — reaching no one (warning), closed undone (未完成) and stood down. Never a closed or
 * stood-down task as done. `ended`: the short form for an ended incident's line.
 */
export function TaskCounts({
  counts: c,
  ended = false,
}: {
  counts: IncidentSummary['counts'];
  ended?: boolean;
}) {
  const t = useT();
  return (
    <ul className={ended ? 'counts counts-ended' : 'counts'} aria-label={t('cnt_title')}>
      {!ended && (
        <li data-count="acknowledged">{t('cnt_tasksAck', { done: c.acknowledged, total: c.tasks })}</li>
      )}
      <li data-count="done">
        {t('cnt_done', { done: c.done, total: c.tasks })}
        {c.doneLate > 0 && t('cnt_doneLate', { n: c.doneLate })}
      </li>
      {(!ended || c.overdue > 0) && (
        <li data-count="overdue" data-testid="overdue" className={c.overdue > 0 ? 'count-danger' : ''}>
          {t('cnt_overdue', { n: c.overdue })}
        </li>
      )}
      {c.missed > 0 && (
        <li data-count="missed" className="count-danger">
          {t('cnt_missed', { n: c.missed })}
        </li>
      )}
      {c.unreached > 0 && (
        <li data-count="unreached" className="count-warn" title={t('cnt_unreachedHint')}>
          {t('cnt_unreached', { n: c.unreached })}
        </li>
      )}
      {c.closedUndone > 0 && (
        <li data-count="closedUndone" className="count-closed" title={t('cnt_closedUndoneHint')}>
          {t('cnt_closedUndone', { n: c.closedUndone })}
        </li>
      )}
      {ended && c.open > 0 && <li data-count="open">{t('cnt_open', { n: c.open })}</li>}
      {c.stoodDown > 0 && (
        <li data-count="stoodDown" className="muted">
          {t('cnt_stoodDown', { n: c.stoodDown })}
        </li>
      )}
    </ul>
  );
}

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
  const timeline = useConsole((s) => s.timelines[incident.id]);
  const facts = timeline ?? [];
  // an incident only reported (no level yet) is live too: load its history once if nothing has yet
  const hasTimeline = timeline !== undefined;
  useEffect(() => {
    if (!hasTimeline) void live.loadTimeline(incident.id);
  }, [hasTimeline, incident.id]);
  const c = incident.counts;
  return (
    <article
      className="card"
      aria-labelledby={`card-${incident.id}`}
      data-incident={incident.id}
      data-status={incident.status}
    >
      <header className="card-head">
        <IncidentLevel incident={incident} />
        <h3 id={`card-${incident.id}`}>
          <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
        </h3>
        {incident.drill && <span className="tag">{t('drill')}</span>}
      </header>
      <p className="muted card-meta">
        {pick(incident.planTitle, lang)} ·{' '}
        <span className={`status status-${incident.status}`}>{t(`status_${incident.status}`)}</span> ·{' '}
        {incident.declaredAt !== null
          ? t('sinceDeclared', { time: elapsed(incident.declaredAt, now, lang) })
          : t('sinceReported', { time: elapsed(incident.openedAt, now, lang) })}
      </p>
      {incident.pending && (
        <p className="pending">
          <PendingText pending={incident.pending} planId={incident.planId} />
        </p>
      )}
      <ProgressBar
        done={c.unitsAcknowledged}
        total={c.units}
        label={t('cnt_unitsAck', { done: c.unitsAcknowledged, total: c.units })}
      />
      <TaskCounts counts={c} />
      <h4>{t('nextClocks')}</h4>
      <ul className="clocks" style={{ minHeight: '4.8em' }}>
        {incident.nextDue.length === 0 && <li className="muted">{t('noClocks')}</li>}
        {incident.nextDue.map((d) => (
          <li key={d.taskId}>
            {d.dueAt !== null && <Countdown dueAt={d.dueAt} now={now} />} {pick(d.title, lang)}
            {t('paren', {
              text: `${(lang === 'zh' ? d.units : d.unitsEn).join(t('tl_listSep'))}${t('partSep')}${d.clause}`,
            })}
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
              <li key={i.id} data-incident={i.id}>
                <Link to={`/incidents/${i.id}`}>{i.title}</Link>
                {i.drill && <span className="tag">{t('drill')}</span>} · {pick(i.planTitle, lang)} ·{' '}
                {t(`status_${i.status}`)} · {formatDateTime(i.openedAt, lang)}
                <TaskCounts counts={i.counts} ended />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
