/**
 * 历史事件: every incident the reader may see, newest first, found by words of its title, first report or
 * place and filtered by plan, the highest level reached, dates, status and real or drill — twenty a page,
 * each with its plan, the level it reached, when it was reported, its status and what its tasks came to.
 * An ended one links to its 总结评估 (staff) and its 台账. The filters live in the address.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { IncidentSummary } from '../../../shared/protocol/contract.ts';
import { RecordTabs } from '../components/after/Tabs.tsx';
import { FilterBar, Pager, useUrlFilters } from '../components/after/FilterBar.tsx';
import { ErrorText, LevelBadge } from '../components/common.tsx';
import { pick, useLang } from '../i18n.ts';
import {
  apiParams,
  changeFilter,
  datesReversed,
  HISTORY_FILTERS,
  shanghaiDateTime,
  TEXT_MAX,
} from '../logic/filters.ts';
import { useConsole } from '../store/index.ts';
import { TaskCounts } from './Dashboard.tsx';
import '../after.css';
import { useRecordsT } from '../words/records.ts';
import { useAnswer } from '../components/after/useAnswer.ts';

/** The level an incident reached at its highest, as the plan names and colours it. */
function ReachedLevel({ incident }: { incident: IncidentSummary }) {
  const t = useRecordsT();
  const level = useConsole((s) =>
    s.plans.find((p) => p.id === incident.planId)?.levels.find((l) => l.id === incident.highestLevel),
  );
  if (incident.highestLevel === null)
    return (
      <span className="badge badge-none" title={t('lg_level')}>
        {t('hi_noLevel')}
      </span>
    );
  return (
    <span title={t('lg_level')} className="reached">
      <LevelBadge
        name={level?.name ?? { zh: incident.highestLevel, en: incident.highestLevel }}
        color={level?.color ?? null}
      />
    </span>
  );
}

function HistoryItem({ incident: i, staff }: { incident: IncidentSummary; staff: boolean }) {
  const t = useRecordsT();
  const lang = useLang();
  return (
    <li className="history-item" data-incident={i.id} data-status={i.status}>
      <div className="history-head">
        <ReachedLevel incident={i} />
        <h2>
          <Link to={`/incidents/${i.id}`}>{i.title}</Link>
        </h2>
        {i.drill && <span className="tag drill">{t('drill')}</span>}
      </div>
      <p className="muted history-meta">
        {pick(i.planTitle, lang)} · {t('hi_opened', { time: shanghaiDateTime(i.openedAt) })} ·{' '}
        <span className={`status status-${i.status}`}>{t(`status_${i.status}`)}</span>
      </p>
      <TaskCounts counts={i.counts} ended />
      {i.status === 'terminated' && (
        <p className="history-links">
          {staff && <Link to={`/incidents/${i.id}/review`}>{t('hi_review')}</Link>}
          <Link to={`/ledger?incidentId=${encodeURIComponent(i.id)}`}>{t('navLedger')}</Link>
        </p>
      )}
    </li>
  );
}

export default function History() {
  const t = useRecordsT();
  const staff = useConsole((s) => s.user?.role !== 'unit');
  const [f, setFilters] = useUrlFilters(HISTORY_FILTERS);
  const [text, setText] = useState(f.text ?? '');
  const { answer, error, loading } = useAnswer('history', apiParams(HISTORY_FILTERS, f));

  // the box follows the address (back and forward, a shared link)
  useEffect(() => setText(f.text ?? ''), [f.text]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters(changeFilter(f, 'text', text.trim()));
  };
  const total = answer?.total ?? 0;
  const pager = (
    <Pager
      page={f.page}
      size={HISTORY_FILTERS.pageSize}
      total={total}
      totalText={t('hi_total', { n: total })}
      onPage={(page) => setFilters({ ...f, page }, true)}
    />
  );
  return (
    <section aria-labelledby="history-title" className="after-page" aria-busy={loading}>
      <RecordTabs />
      <h1 id="history-title">{t('navHistory')}</h1>
      <form className="history-search" role="search" onSubmit={search}>
        <label>
          {t('hi_search')}
          <input
            type="search"
            name="text"
            value={text}
            maxLength={TEXT_MAX}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit">{t('hi_find')}</button>
      </form>
      <FilterBar spec={HISTORY_FILTERS} filters={f} onChange={(next) => setFilters(next)} status />
      {datesReversed(f) && <p className="warning">{t('lg_datesReversed')}</p>}
      <ErrorText error={error} />
      {pager}
      {answer && answer.items.length === 0 && <p className="empty">{t('lg_empty')}</p>}
      <ul className="history-list">
        {answer?.items.map((i) => (
          <HistoryItem key={i.id} incident={i} staff={staff} />
        ))}
      </ul>
      {answer && answer.items.length > 5 && pager}
    </section>
  );
}
