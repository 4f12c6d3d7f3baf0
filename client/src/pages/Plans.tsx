/** The four plans at a glance: document number, issuer, levels with their colours (and names). */
import { Link } from 'react-router';
import { LevelBadge } from '../components/common.tsx';
import { pick, useLang, useT } from '../i18n.ts';
import { useConsole } from '../store/index.ts';

export default function Plans() {
  const t = useT();
  const lang = useLang();
  const plans = useConsole((s) => s.plans);
  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">{t('navPlans')}</h1>
      {plans.map((p) => (
        <article key={p.id} className="plan-summary">
          <h2>
            <Link to={`/plans/${p.id}`}>{pick(p.title, lang)}</Link>
          </h2>
          <p className="muted">
            {t('colon', { label: t('docNumber') })}
            {p.docNumber} · {t('colon', { label: t('issuer') })}
            {p.issuer} · {p.issuedOn}
          </p>
          <p className="levels">
            {p.levels.map((l) => (
              <LevelBadge key={l.id} name={l.name} color={l.color} />
            ))}
          </p>
        </article>
      ))}
    </section>
  );
}
