/**
 * What the 台账, history and statistics pages share: their filters kept in the address (so a filtered view
 * can be bookmarked and sent on), the filter bar, and the pager.
 */
import { type ChangeEvent, type ReactNode, useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LEDGER_COLUMNS } from '../../../../shared/views/ledger.ts';
import type { PlanSummary } from '../../../../shared/protocol/contract.ts';
import { pick, useLang } from '../../i18n.ts';
import {
  changeFilter,
  clearFilters,
  drillOf,
  type DrillChoice,
  type Field,
  type Filters,
  type FilterSpec,
  isDay,
  isFiltered,
  pageCount,
  readFilters,
  shownRange,
  writeFilters,
} from '../../logic/filters.ts';
import { useConsole } from '../../store/index.ts';
import { useRecordsT } from '../../words/records.ts';

/** The page's filters as its address holds them, and a way to change them (the address follows). */
export function useUrlFilters(spec: FilterSpec) {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => readFilters(spec, query), [spec, query]);
  const setFilters = useCallback(
    // a filter replaces the address; a page turned is a step the back button undoes
    (next: Filters, push = false) => setParams(writeFilters(spec, next), { replace: !push }),
    [spec, setParams],
  );
  return [filters, setFilters] as const;
}

/** The units a filter offers: the chosen plan's, or every plan's once each, in the plans' order. */
export function unitChoices(plans: readonly PlanSummary[], planId: string | undefined) {
  const seen = new Map<string, PlanSummary['units'][number]>();
  for (const p of plans) {
    if (planId !== undefined && p.id !== planId) continue;
    for (const u of p.units) if (!seen.has(u.id)) seen.set(u.id, u);
  }
  return [...seen.values()];
}

const unitsOf = (plans: readonly PlanSummary[]) => (planId: string) =>
  plans.find((p) => p.id === planId)?.units.map((u) => u.id) ?? [];

/** A column's heading of the 台账 in the reader's language (the files use the same words). */
export function ledgerHeading(key: (typeof LEDGER_COLUMNS)[number][0], lang: 'zh' | 'en'): string {
  const c = LEDGER_COLUMNS.find((x) => x[0] === key)!;
  return lang === 'zh' ? c[1] : c[2];
}

export function FilterBar({
  spec,
  filters: f,
  onChange,
  unit = false,
  status = false,
  children,
}: {
  spec: FilterSpec;
  filters: Filters;
  onChange: (next: Filters) => void;
  /** offer the responsible unit (staff on the 台账) */
  unit?: boolean;
  /** offer the incident's status (history) */
  status?: boolean;
  /** more fields first in the bar (the history's words) */
  children?: ReactNode;
}) {
  const t = useRecordsT();
  const lang = useLang();
  const plans = useConsole((s) => s.plans);
  const plan = plans.find((p) => p.id === f.planId);
  const set = (field: Field, value: string) => onChange(changeFilter(f, field, value, unitsOf(plans)));
  const units = unit ? unitChoices(plans, f.planId) : [];
  const drill = drillOf(spec, f);
  const drillChoices: [DrillChoice, string][] = [
    ['false', t('lg_real')],
    ['true', t('drill')],
    ['all', t('lg_all')],
  ];
  const day = (field: 'from' | 'to') => (e: ChangeEvent<HTMLInputElement>) => {
    const v = e.target.value;
    // a date typed half way is no date yet: only a whole one (or none) changes the filter
    if (v === '' || isDay(v)) set(field, v);
  };
  return (
    <form className="filter-bar" aria-label={t('lg_filters')} onSubmit={(e) => e.preventDefault()}>
      {children}
      <label>
        {t('plan')}
        <select name="planId" value={f.planId ?? ''} onChange={(e) => set('planId', e.target.value)}>
          <option value="">{t('allPlans')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.title, lang)}
            </option>
          ))}
          {f.planId !== undefined && !plan && <option value={f.planId}>{f.planId}</option>}
        </select>
      </label>
      {spec.fields.includes('levelId') && (
        <label>
          {t('lg_level')}
          <select
            name="levelId"
            value={f.levelId ?? ''}
            disabled={!plan}
            onChange={(e) => set('levelId', e.target.value)}
          >
            <option value="">{t('lg_anyLevel')}</option>
            {plan?.levels.map((l) => (
              <option key={l.id} value={l.id}>
                {pick(l.name, lang)}
              </option>
            ))}
            {f.levelId !== undefined && plan && !plan.levels.some((l) => l.id === f.levelId) && (
              <option value={f.levelId}>{f.levelId}</option>
            )}
          </select>
        </label>
      )}
      <label>
        {t('lg_from')}
        <input type="date" name="from" value={f.from ?? ''} max={f.to} onChange={day('from')} />
      </label>
      <label>
        {t('lg_to')}
        <input type="date" name="to" value={f.to ?? ''} min={f.from} onChange={day('to')} />
      </label>
      {unit && (
        <label>
          {ledgerHeading('unit', lang)}
          <select name="unitId" value={f.unitId ?? ''} onChange={(e) => set('unitId', e.target.value)}>
            <option value="">{t('allUnits')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {lang === 'zh' ? u.name : u.en}
              </option>
            ))}
            {f.unitId !== undefined && !units.some((u) => u.id === f.unitId) && (
              <option value={f.unitId}>{f.unitId}</option>
            )}
          </select>
        </label>
      )}
      {status && (
        <label>
          {t('hi_status')}
          <select name="status" value={f.status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('hi_anyStatus')}</option>
            {(['open', 'proposed', 'active', 'terminated'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="seg">
        <legend>{t('lg_kind')}</legend>
        <div className="seg-options">
          {drillChoices.map(([value, label]) => (
            <label key={value} className={drill === value ? 'seg-on' : ''}>
              <input
                type="radio"
                name="drill"
                value={value}
                checked={drill === value}
                onChange={() => set('drill', value)}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {isFiltered(spec, f) && (
        <button type="button" className="secondary" onClick={() => onChange(clearFilters(f, ['sort']))}>
          {t('lg_clear')}
        </button>
      )}
    </form>
  );
}

/** 共 N 条 (and 第 a–b 条 when there is more than a page), and the buttons to the page before and after. */
export function Pager({
  page,
  size,
  total,
  totalText,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  totalText: string;
  onPage: (page: number) => void;
}) {
  const t = useRecordsT();
  const pages = pageCount(total, size);
  const { first, last } = shownRange(page, size, total);
  return (
    <nav className="pager" aria-label={t('lg_page', { page, pages })}>
      <span className="pager-total" data-total={total}>
        {totalText}
      </span>
      {pages > 1 && first > 0 && <span className="muted">{t('lg_shown', { first, last })}</span>}
      <span className="pager-buttons">
        <button
          type="button"
          className="secondary small"
          disabled={page <= 1}
          onClick={() => onPage(Math.min(page - 1, pages))}
        >
          {t('lg_prev')}
        </button>
        <span className="muted">{t('lg_page', { page, pages })}</span>
        <button
          type="button"
          className="secondary small"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          {t('lg_next')}
        </button>
      </span>
    </nav>
  );
}
