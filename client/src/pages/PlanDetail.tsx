/**
 * One plan as the paper says it: levels with their criteria, who declares and lifts each, the measures by
 * level (which each level adds), units with their duties, clocks, and how ambiguous sentences are read,
 * each with its clause and quote, so an officer can check the console against the text.
 */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { Plan } from '../../../shared/plans/schema.ts';
import { usePlan } from '../components/usePlan.ts';
import { LevelBadge } from '../components/common.tsx';
import { useLang, useT } from '../i18n.ts';
import { addedPerLevel, type TierCell, tierTable } from '../logic/tierTable.ts';

const CELL_MARK: Record<TierCell, string> = { adds: '●', carried: '○', superseded: '×', none: '' };

export function TierTable({ plan, phase }: { plan: Plan; phase: 'response' | 'after' }) {
  const t = useT();
  const lang = useLang();
  const rows = tierTable(plan, phase);
  const added = addedPerLevel(rows, plan.levels.length);
  const cellText: Record<TierCell, string> = {
    adds: t('tierAdds'),
    carried: t('tierCarried'),
    superseded: t('tierSuperseded'),
    none: '',
  };
  const unitName = (id: string) => plan.units.find((u) => u.id === id)?.[lang === 'zh' ? 'name' : 'en'] ?? id;
  return (
    <div className="table-wrap">
      <table className="tiers">
        <thead>
          <tr>
            <th scope="col">{t('actions')}</th>
            {plan.levels.map((l, i) => (
              <th scope="col" key={l.id}>
                {l.name[lang]}
                <br />
                <span className="muted">
                  {t('tierAdds')} {added[i]}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.action.id} data-action={r.action.id}>
              <th scope="row">
                <details>
                  <summary>
                    {r.action.title[lang]}{' '}
                    <span className="muted">{t('paren', { text: r.action.clause })}</span>
                  </summary>
                  <p className="quote">“{r.action.quote}”</p>
                  <p className="muted">{r.action.units.map(unitName).join(t('tl_listSep'))}</p>
                  {r.action.condition && (
                    <p className="muted">{t('conditional', { text: r.action.condition.label[lang] })}</p>
                  )}
                </details>
              </th>
              {r.cells.map((c, i) => (
                <td key={plan.levels[i]!.id} className={`tier-${c}`} title={cellText[c]}>
                  <span aria-hidden="true">{CELL_MARK[c]}</span>
                  <span className="sr-only">{cellText[c]}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        ● {t('tierAdds')} ○ {t('tierCarried')} × {t('tierSuperseded')}
      </p>
    </div>
  );
}

export default function PlanDetail() {
  const { id } = useParams();
  const t = useT();
  const lang = useLang();
  const plan = usePlan(id);
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => setSource(null), [id]);
  if (!plan) return <p>{t('loading')}</p>;
  const showSource = () =>
    void fetch(`/api/plans/${plan.id}/source`)
      .then((r) => r.text())
      .then(setSource);
  const unitName = (uid: string) =>
    plan.units.find((u) => u.id === uid)?.[lang === 'zh' ? 'name' : 'en'] ?? uid;
  return (
    <section aria-labelledby="plan-title" className="plan-detail">
      <h1 id="plan-title">{plan.title[lang]}</h1>
      <p className="muted">
        {t('colon', { label: t('docNumber') })}
        {plan.docNumber} · {t('colon', { label: t('issuer') })}
        {plan.issuer} · {plan.issuedOn}
      </p>
      <h2>{t('criteria')}</h2>
      {plan.levels.map((l) => (
        <article key={l.id} className="level-block">
          <h3>
            <LevelBadge name={l.name} color={l.color} /> {l.response?.[lang]}{' '}
            <span className="muted">{t('paren', { text: l.clause })}</span>
          </h3>
          {l.color === null && <p className="muted">{t('noColourLevel')}</p>}
          <ul>
            {l.criteria.map((c) => (
              <li key={c.id}>
                {c.text[lang]} <span className="muted">{t('paren', { text: c.clause })}</span>
                <p className="quote">“{c.quote}”</p>
              </li>
            ))}
          </ul>
          <p>
            {t('colon', { label: t('declaredBy') })}
            {l.declare.body[lang]}
            {t('paren', { text: l.declare.clause })} · {t('colon', { label: t('liftedBy') })}
            {l.lift.body[lang]}
            {t('paren', { text: l.lift.clause })}
          </p>
        </article>
      ))}
      <h2>{t('tierTable')}</h2>
      <TierTable plan={plan} phase="response" />
      {plan.actions.some((a) => a.phase === 'after') && (
        <>
          <h3>{t('afterPhase')}</h3>
          <TierTable plan={plan} phase="after" />
        </>
      )}
      <h2>{t('clocks')}</h2>
      <ul>
        {plan.clocks.map((c) => (
          <li key={c.id}>
            {c.title[lang]}
            {t('paren', {
              text: `${c.owedBy.map(unitName).join(t('tl_listSep'))}${t('partSep')}${c.clause}`,
            })}
            {c.beforeLevel && <span className="tag">{t('fromReport')}</span>}
            {c.note ? ` — ${c.note[lang]}` : ''}
            <p className="quote">“{c.quote}”</p>
          </li>
        ))}
      </ul>
      <h2>{t('units')}</h2>
      <ul className="units">
        {plan.units.map((u) => (
          <li key={u.id}>
            <strong>{lang === 'zh' ? u.name : u.en}</strong>
            {u.duty && (
              <details>
                <summary className="muted">{u.duty.clause}</summary>
                <p className="quote">{u.duty.text}</p>
              </details>
            )}
          </li>
        ))}
      </ul>
      {plan.readings.length > 0 && (
        <>
          <h2>{t('readingsOfPlan')}</h2>
          <ul>
            {plan.readings.map((r, i) => (
              <li key={i}>
                <span className="muted">{r.clause}</span> “{r.quote}” — {r.reading[lang]}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('sourceText')}</h2>
      {source === null ? (
        <button type="button" className="secondary" onClick={showSource}>
          {t('sourceText')}
        </button>
      ) : (
        <pre className="source">{source}</pre>
      )}
    </section>
  );
}
