/**
 * 台账: one row per task of every incident asked for — 序号, 时间, 事件, 责任单位, 措施（条款）, 落实情况,
 * 完成时间, 责任人, 备注 — filtered by plan, the highest level reached, dates, unit and real or drill, a
 * hundred rows a page, with the same filters exported to .xlsx and CSV. The filters live in the address.
 * A unit account reads its own ledger (本单位台账): the server gives it only its own rows.
 *
 * 落实情况 is the record's word, coloured so that undone work never looks done: green only for work done.
 */
import { Link } from 'react-router';
import { CONTRACT } from '../../../shared/protocol/contract.ts';
import {
  LEDGER_COLUMNS,
  LEDGER_STATUS_WORDS,
  type LedgerRow,
  type LedgerStatus,
} from '../../../shared/views/ledger.ts';
import { RecordTabs } from '../components/after/Tabs.tsx';
import { FilterBar, Pager, useUrlFilters } from '../components/after/FilterBar.tsx';
import { ErrorText } from '../components/common.tsx';
import { useLang } from '../i18n.ts';
import { usePeople } from '../live/people.ts';
import { type People, personLabel } from '../logic/facts.ts';
import {
  apiParams,
  changeFilter,
  datesReversed,
  downloadHref,
  type Filters,
  LEDGER_FILTERS,
  shanghaiDateTime,
} from '../logic/filters.ts';
import { useConsole } from '../store/index.ts';
import type { Lang } from '../../../shared/engine/text.ts';
import '../after.css';
import { type RecordsT, useRecordsT } from '../words/records.ts';
import { useAnswer } from '../components/after/useAnswer.ts';

/** How each outcome is coloured: done green, done late amber, undone red, still open neutral. */
export const STATUS_TONE: Record<LedgerStatus, 'ok' | 'late' | 'bad' | 'open' | 'off'> = {
  done: 'ok',
  doneLate: 'late',
  closedUndone: 'bad',
  missed: 'bad',
  unreached: 'bad',
  overdue: 'bad',
  inProgress: 'open',
  acknowledged: 'open',
  assigned: 'open',
  stoodDown: 'off',
  moved: 'off',
};

/** One row's cells as the page shows them (the exported files word them the same way). */
function cells(row: LedgerRow, people: People, lang: Lang, t: RecordsT) {
  const time = (ms: number | null) => (ms === null ? '' : shanghaiDateTime(ms));
  const by = row.by === null ? '' : personLabel(row.by, people, lang);
  const measure = lang === 'zh' ? row.measure : row.measureEn;
  return {
    at: time(row.at),
    unit: lang === 'zh' ? row.unit : row.unitEn,
    measure: row.clause ? `${measure}${t('paren', { text: row.clause })}` : measure,
    doneAt: time(row.doneAt),
    by: row.onBehalfOf ? t('tl_onBehalfOf', { by, party: row.onBehalfOf }) : by,
    remark: [
      !row.reached && row.status !== 'unreached' ? t('unreached') : '',
      row.status === 'doneLate' && row.dueAt !== null ? t('due', { time: time(row.dueAt) }) : '',
      row.closedAt !== null ? t('closedAtTime', { time: time(row.closedAt) }) : '',
      row.remark,
      row.attachments.length > 0 ? t('lg_attached', { names: row.attachments.join(t('tl_listSep')) }) : '',
    ]
      .filter(Boolean)
      .join(t('partSep')),
  };
}

function LedgerTable({ rows }: { rows: LedgerRow[] }) {
  const t = useRecordsT();
  const lang = useLang();
  const people = usePeople();
  const head = (i: number) => (lang === 'zh' ? LEDGER_COLUMNS[i]![1] : LEDGER_COLUMNS[i]![2]);
  return (
    <div className="table-wrap">
      <table className="after-table ledger-table">
        <thead>
          <tr>
            {LEDGER_COLUMNS.map(([key], i) => (
              <th key={key} scope="col" className={`col-${key}`}>
                {head(i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c = cells(row, people, lang, t);
            return (
              <tr key={row.taskId} data-task={row.taskId} data-status={row.status}>
                <td data-label={head(0)} className="col-no">
                  {row.no}
                </td>
                <td data-label={head(1)} className="col-at">
                  {c.at}
                </td>
                <td data-label={head(2)} className="col-incident">
                  <span>
                    <Link to={`/incidents/${row.incidentId}`}>{row.incident}</Link>
                    {row.drill && <span className="tag drill">{t('drill')}</span>}
                  </span>
                </td>
                <td data-label={head(3)} className="col-unit">
                  {c.unit}
                </td>
                <td data-label={head(4)} className="col-measure">
                  {c.measure}
                </td>
                <td data-label={head(5)} className="col-status">
                  <span className={`outcome outcome-${STATUS_TONE[row.status]}`}>
                    {LEDGER_STATUS_WORDS[row.status][lang]}
                  </span>
                </td>
                <td data-label={head(6)} className="col-doneAt">
                  {c.doneAt}
                </td>
                <td data-label={head(7)} className="col-by">
                  {c.by}
                </td>
                <td data-label={head(8)} className="col-remark">
                  {c.remark}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default function Ledger() {
  const t = useRecordsT();
  const lang = useLang();
  const user = useConsole((s) => s.user);
  const plans = useConsole((s) => s.plans);
  const incidents = useConsole((s) => s.incidents);
  const own = user?.role === 'unit';
  const [f, setFilters] = useUrlFilters(LEDGER_FILTERS);
  // a unit's ledger is its own: the server answers so whatever is asked, and the page asks for nothing else
  const { unitId: _unit, ...notUnit } = f;
  const filters: Filters = own ? notUnit : f;
  const params = apiParams(LEDGER_FILTERS, filters);
  const { answer, error, loading } = useAnswer('ledger', params, filters.incidentId);

  const unitName = own ? plans.flatMap((p) => p.units).find((u) => u.id === user?.unitId) : undefined;
  const incidentTitle =
    filters.incidentId === undefined
      ? ''
      : (incidents[filters.incidentId]?.title ??
        answer?.rows.find((r) => r.incidentId === filters.incidentId)?.incident ??
        filters.incidentId);
  const total = answer?.total ?? 0;

  return (
    <section aria-labelledby="ledger-title" className="after-page" aria-busy={loading}>
      <RecordTabs />
      <header className="after-head">
        <h1 id="ledger-title">
          {own ? t('lg_titleUnit') : t('navLedger')}
          {unitName && <span className="after-sub">{lang === 'zh' ? unitName.name : unitName.en}</span>}
        </h1>
        {/* a question the server refuses (dates the wrong way round) offers no file to download */}
        {!datesReversed(filters) && (
          <div className="after-exports">
            <a
              className="button"
              href={downloadHref(CONTRACT.ledgerXlsx.path, LEDGER_FILTERS, filters, lang)}
              download
              data-export="xlsx"
            >
              {t('lg_xlsx')}
            </a>
            <a
              className="button secondary"
              href={downloadHref(CONTRACT.ledgerCsv.path, LEDGER_FILTERS, filters, lang)}
              download
              data-export="csv"
            >
              {t('lg_csv')}
            </a>
          </div>
        )}
      </header>
      {filters.incidentId !== undefined && (
        <p className="filter-chips">
          <span className="filter-chip" data-chip="incident">
            {t('lg_incident', { title: incidentTitle })}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('lg_removeIncident')}
              title={t('lg_removeIncident')}
              onClick={() => setFilters(changeFilter(f, 'incidentId', undefined))}
            >
              ×
            </button>
          </span>
        </p>
      )}
      <FilterBar spec={LEDGER_FILTERS} filters={f} onChange={(next) => setFilters(next)} unit={!own} />
      {datesReversed(filters) && <p className="warning">{t('lg_datesReversed')}</p>}
      <ErrorText error={error} />
      <Pager
        page={filters.page}
        size={LEDGER_FILTERS.pageSize}
        total={total}
        totalText={t('lg_total', { n: total })}
        onPage={(page) => setFilters({ ...f, page }, true)}
      />
      {answer && answer.rows.length > 0 ? (
        <LedgerTable rows={answer.rows} />
      ) : (
        answer && <p className="empty">{t('lg_empty')}</p>
      )}
      {answer && answer.rows.length > 20 && (
        <Pager
          page={filters.page}
          size={LEDGER_FILTERS.pageSize}
          total={total}
          totalText={t('lg_total', { n: total })}
          onPage={(page) => {
            setFilters({ ...f, page }, true);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </section>
  );
}
