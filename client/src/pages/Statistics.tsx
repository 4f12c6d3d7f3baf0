/**
 * 统计, for leaders and the office: how many responses, by plan, by the highest level reached (grouped per
 * plan, in the plan's colours) and by month, and per unit how fast it acknowledged (the median) and what
 * share of its deadlines it met on time — real responses unless drills are asked for. The charts are
 * Chart.js, loaded when this page opens and not before; every chart's numbers are also a table.
 */
import { useEffect, useRef, useState } from 'react';
import type { Statistics as Stats } from '../../../shared/views/statistics.ts';
import type { Bar } from '../components/after/Charts.tsx';
import { RecordTabs } from '../components/after/Tabs.tsx';
import { FilterBar, ledgerHeading, useUrlFilters } from '../components/after/FilterBar.tsx';
import { ErrorText, LEVEL_COLOUR } from '../components/common.tsx';
import { pick, useLang } from '../i18n.ts';
import {
  apiParams,
  datesReversed,
  durationWords,
  type Filters,
  levelBars,
  monthLabel,
  monthSeries,
  percent,
  sortUnits,
  STATISTICS_FILTERS,
  type UnitSort,
} from '../logic/filters.ts';
import { useConsole } from '../store/index.ts';
import type { Lang } from '../../../shared/engine/text.ts';
import '../after.css';
import { type RecordsT, useRecordsT } from '../words/records.ts';
import { useAnswer } from '../components/after/useAnswer.ts';

type ChartsModule = typeof import('../components/after/Charts.tsx');

/**
 * A long name over several lines, so a chart's axis does not take half its width: broken at spaces and
 * before a full-width bracket (“Ⅲ级 中雪” / “（黄色预警）”), a piece still too long cut where it must.
 */
function wrap(text: string, lang: Lang, width = lang === 'zh' ? 16 : 26): string[] {
  if (text.length <= width) return [text];
  const pieces = text
    .split(/(?<=\s)|(?=（)/u)
    .flatMap((p) => p.match(new RegExp(`.{1,${width}}`, 'gsu')) ?? []);
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.at(-1);
    if (last !== undefined && `${last}${piece}`.trim().length <= width)
      lines[lines.length - 1] = `${last}${piece}`;
    else lines.push(piece);
  }
  return lines.map((l) => l.trim()).filter(Boolean);
}

const NO_COLOUR = { fill: '#ffffff', border: '#111827' };
const NO_LEVEL = { fill: '#e5e7eb', border: '#6b7280' };
/** A level's bar in the plan's own colour (yellow with a darker edge, to show on white). */
function levelColours(l: { levelId: string | null; color: string | null }) {
  if (l.levelId === null) return NO_LEVEL;
  const c = l.color ? LEVEL_COLOUR[l.color] : undefined;
  if (!c) return NO_COLOUR;
  return { fill: c.bg, border: l.color === 'yellow' ? '#a16207' : c.bg };
}
const PLAN_BAR = { fill: '#1d4ed8', border: '#1e3a8a' };
const MONTH_BAR = { fill: '#475569', border: '#1e293b' };

/** A bar chart on a canvas, drawn again when its bars change; hidden from assistive technology (the table
 * beside it holds the numbers). */
function BarChart({
  charts,
  name,
  bars,
  horizontal,
  valueLabel,
}: {
  charts: ChartsModule;
  name: string;
  bars: Bar[];
  horizontal: boolean;
  valueLabel: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(bars);
  useEffect(() => {
    if (!canvas.current) return;
    // the key holds the bars
    return charts.drawBars(canvas.current, JSON.parse(key) as Bar[], { horizontal, valueLabel });
  }, [charts, key, horizontal, valueLabel]);
  // a horizontal chart grows with its bars, so a long list stays readable
  const lines = Math.max(1, ...bars.map((b) => (Array.isArray(b.label) ? b.label.length : 1)));
  const height = horizontal ? Math.max(120, bars.length * Math.max(34, lines * 17 + 12) + 50) : 260;
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={canvas} aria-hidden="true" data-chart={name} />
    </div>
  );
}

/** A chart with its numbers as a table for screen readers and print. */
function ChartFigure({
  title,
  name,
  charts,
  failed,
  bars,
  horizontal = false,
  columns,
  rows,
}: {
  title: string;
  name: string;
  charts: ChartsModule | null;
  failed: boolean;
  bars: Bar[];
  horizontal?: boolean;
  columns: string[];
  rows: (string | number)[][];
}) {
  const t = useRecordsT();
  return (
    <figure className="chart" data-figure={name}>
      <figcaption>{title}</figcaption>
      {charts ? (
        <BarChart
          charts={charts}
          name={name}
          bars={bars}
          horizontal={horizontal}
          valueLabel={t('st_incidents')}
        />
      ) : (
        !failed && <p className="muted chart-box-empty">{t('loading')}</p>
      )}
      <table className="chart-data" data-table={name}>
        <caption>{t('st_data', { title })}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The unit table's column that sorts, with the order it is in said to assistive technology. */
function SortHeader({
  label,
  by,
  sort,
  onSort,
}: {
  label: string;
  by: 'ack' | 'met';
  sort: UnitSort | undefined;
  onSort: (s: UnitSort) => void;
}) {
  const t = useRecordsT();
  const on = sort?.startsWith(by) ?? false;
  const desc = sort?.endsWith('-desc') ?? false;
  // ack: fastest first (ascending time); met: best first (descending share)
  const aria = !on
    ? 'none'
    : by === 'ack'
      ? desc
        ? 'descending'
        : 'ascending'
      : desc
        ? 'ascending'
        : 'descending';
  const next: UnitSort = on && !desc ? `${by}-desc` : by;
  return (
    <th scope="col" aria-sort={aria} className="sortable">
      <button
        type="button"
        className="sort"
        title={t('st_sortHint')}
        data-sort={by}
        onClick={() => onSort(next)}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {on ? (aria === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function UnitTable({
  units,
  filters,
  onSort,
}: {
  units: Stats['units'];
  filters: Filters;
  onSort: (s: UnitSort) => void;
}) {
  const t = useRecordsT();
  const lang = useLang();
  const rows = sortUnits(units, filters.sort);
  return (
    <div className="table-wrap">
      <table className="after-table unit-stats">
        <caption>{t('st_unitTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{ledgerHeading('unit', lang)}</th>
            <th scope="col" className="num">
              {t('st_incidentsCol')}
            </th>
            <th scope="col" className="num">
              {t('st_tasks')}
            </th>
            <SortHeader label={t('st_medianAck')} by="ack" sort={filters.sort} onSort={onSort} />
            <SortHeader label={t('st_metShare')} by="met" sort={filters.sort} onSort={onSort} />
            <th scope="col" className="num">
              {t('unreached')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.unitId} data-unit={u.unitId}>
              <th scope="row" data-label={ledgerHeading('unit', lang)}>
                {lang === 'zh' ? u.unit : u.unitEn}
              </th>
              <td className="num" data-label={t('st_incidentsCol')}>
                {u.incidents}
              </td>
              <td className="num" data-label={t('st_tasks')}>
                {u.tasks}
              </td>
              <td data-label={t('st_medianAck')} data-ack={u.medianAckMs ?? ''}>
                {u.medianAckMs === null ? (
                  <span className="muted">{t('st_noAck')}</span>
                ) : (
                  durationWords(u.medianAckMs, lang)
                )}
                {u.acknowledged > 0 && (
                  <small className="ack-count">
                    {t('cnt_tasksAck', { done: u.acknowledged, total: u.tasks })}
                  </small>
                )}
              </td>
              <td data-label={t('st_metShare')} data-share={u.metShare ?? ''}>
                {u.metShare === null ? (
                  <span className="muted">{t('st_none')}</span>
                ) : (
                  <>
                    <strong className="share">{percent(u.metShare)}</strong>{' '}
                    <span className="share-detail">
                      {t('st_shareDetail', { met: u.met, late: u.metLate, missed: u.missed, n: u.deadlines })}
                    </span>
                  </>
                )}
              </td>
              <td className={u.unreached > 0 ? 'num count-cell-warn' : 'num'} data-label={t('unreached')}>
                {u.unreached}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The headline figures: responses, units, deadlines with an outcome and the share met on time. */
function Figures({ stats, t }: { stats: Stats; t: RecordsT }) {
  const sum = (k: 'deadlines' | 'met' | 'metLate' | 'missed') => stats.units.reduce((n, u) => n + u[k], 0);
  const deadlines = sum('deadlines');
  return (
    <dl className="figures" aria-label={t('st_overview')}>
      <div data-figure="incidents">
        <dt>{t('st_incidents')}</dt>
        <dd>{stats.incidents}</dd>
      </div>
      <div data-figure="units">
        <dt>{t('st_units')}</dt>
        <dd>{stats.units.length}</dd>
      </div>
      <div data-figure="deadlines">
        <dt>{t('st_deadlines')}</dt>
        <dd>{deadlines}</dd>
      </div>
      <div data-figure="share">
        <dt>{t('st_metShare')}</dt>
        <dd>
          {deadlines > 0 ? percent(sum('met') / deadlines) : t('st_none')}
          {deadlines > 0 && (
            <small>
              {t('st_shareDetail', {
                met: sum('met'),
                late: sum('metLate'),
                missed: sum('missed'),
                n: deadlines,
              })}
            </small>
          )}
        </dd>
      </div>
    </dl>
  );
}

export default function Statistics() {
  const t = useRecordsT();
  const lang = useLang();
  const staff = useConsole((s) => s.user?.role !== 'unit');
  const plans = useConsole((s) => s.plans);
  const [f, setFilters] = useUrlFilters(STATISTICS_FILTERS);
  const { answer: stats, error, loading } = useAnswer('statistics', apiParams(STATISTICS_FILTERS, f));
  const [charts, setCharts] = useState<ChartsModule | null>(null);
  const [chartsFailed, setChartsFailed] = useState(false);

  // Chart.js comes with this page only, and only for those who may see the figures
  useEffect(() => {
    if (!staff) return;
    let current = true;
    import('../components/after/Charts.tsx').then(
      (m) => current && setCharts(m),
      () => current && setChartsFailed(true),
    );
    return () => {
      current = false;
    };
  }, [staff]);

  const planTitle = (planId: string) => pick(plans.find((p) => p.id === planId)?.title, lang) || planId;
  const levels = stats ? levelBars(stats.byLevel, plans) : [];
  const levelPlans = [...new Set(levels.map((l) => l.planId))];
  const levelName = (l: (typeof levels)[number]) => (l.name ? pick(l.name, lang) : t('hi_noLevel'));
  const levelLabel = (l: (typeof levels)[number]) => wrap(levelName(l), lang, lang === 'zh' ? 10 : 18);
  const months = stats ? monthSeries(stats.byMonth) : [];
  const count = t('st_incidents');

  return (
    <section aria-labelledby="stats-title" className="after-page statistics" aria-busy={loading}>
      <RecordTabs />
      <h1 id="stats-title">{t('navStatistics')}</h1>
      {staff && <FilterBar spec={STATISTICS_FILTERS} filters={f} onChange={(next) => setFilters(next)} />}
      {datesReversed(f) && <p className="warning">{t('lg_datesReversed')}</p>}
      <ErrorText error={error} />
      {chartsFailed && <p className="warning">{t('st_chartFailed')}</p>}
      {stats && (
        <>
          <Figures stats={stats} t={t} />
          {stats.incidents === 0 ? (
            <p className="empty">{t('st_empty')}</p>
          ) : (
            <div className="chart-grid">
              <ChartFigure
                title={t('st_byPlan')}
                name="byPlan"
                charts={charts}
                failed={chartsFailed}
                horizontal
                bars={stats.byPlan.map((p) => ({
                  label: wrap(pick(p.title, lang), lang),
                  value: p.count,
                  ...PLAN_BAR,
                }))}
                columns={[t('plan'), count]}
                rows={stats.byPlan.map((p) => [pick(p.title, lang), p.count])}
              />
              <ChartFigure
                title={t('st_byMonth')}
                name="byMonth"
                charts={charts}
                failed={chartsFailed}
                bars={months.map((m) => ({ label: monthLabel(m.month, lang), value: m.count, ...MONTH_BAR }))}
                columns={[t('st_month'), count]}
                rows={months.map((m) => [monthLabel(m.month, lang), m.count])}
              />
              <section className="chart-group" aria-labelledby="by-level-title" data-figure="byLevel">
                <h2 id="by-level-title">{t('st_byLevel')}</h2>
                <div className="chart-multiples">
                  {levelPlans.map((planId) => {
                    const bars = levels.filter((l) => l.planId === planId);
                    return (
                      <ChartFigure
                        key={planId}
                        title={planTitle(planId)}
                        name={`byLevel-${planId}`}
                        charts={charts}
                        failed={chartsFailed}
                        horizontal
                        bars={bars.map((l) => ({ label: levelLabel(l), value: l.count, ...levelColours(l) }))}
                        columns={[t('lg_level'), count]}
                        rows={bars.map((l) => [levelName(l), l.count])}
                      />
                    );
                  })}
                </div>
              </section>
            </div>
          )}
          {stats.units.length > 0 && (
            <UnitTable units={stats.units} filters={f} onSort={(sort) => setFilters({ ...f, sort })} />
          )}
        </>
      )}
    </section>
  );
}
