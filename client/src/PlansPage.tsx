/** The plans at a glance: each plan's document, issuer and levels with their warning colours. */
import { useEffect, useState } from 'react';
import { useLang, useT } from './i18n.ts';

interface PlanSummary {
  id: string;
  title: { zh: string; en: string };
  docNumber: string;
  issuer: string;
  levels: { id: string; name: { zh: string; en: string }; color: string | null }[];
}

const COLOURS: Record<string, string> = {
  blue: '#1d4ed8',
  yellow: '#a16207',
  orange: '#c2410c',
  red: '#b91c1c',
};

export function PlansPage() {
  const t = useT();
  const { lang, toggle } = useLang();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetch('/api/plans')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then(setPlans)
      .catch(() => setFailed(true));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle');
  }, [lang, t]);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h1>{t('appTitle')}</h1>
        <button type="button" onClick={toggle}>
          {t('toggle')}
        </button>
      </header>
      <h2>{t('plans')}</h2>
      {failed && <p role="alert">{t('loadFailed')}</p>}
      {!plans && !failed && <p>{t('loading')}</p>}
      {plans?.map((p) => (
        <section key={p.id} style={{ borderTop: '1px solid #ccc', padding: '12px 0' }}>
          <h3>{p.title[lang]}</h3>
          <p>
            {t('docNumber')}：{p.docNumber} · {t('issuer')}：{p.issuer}
          </p>
          <p>{t('levels')}</p>
          <ul style={{ display: 'flex', gap: 8, listStyle: 'none', padding: 0, flexWrap: 'wrap' }}>
            {p.levels.map((l) => (
              <li
                key={l.id}
                style={{
                  border: `3px solid ${l.color ? COLOURS[l.color] : '#555'}`,
                  padding: '4px 10px',
                  borderRadius: 4,
                }}
              >
                {l.name[lang]}
                {l.color ? '' : `（${t('noColour')}）`}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
