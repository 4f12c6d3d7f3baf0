/**
 * The wall screen: full screen, large type, no controls; rotates between the live incidents every 15 s
 * and keeps a strip of all of them at the bottom. Escape leaves it.
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ConnectionIndicator } from '../components/Layout.tsx';
import { IncidentLevel, useNow } from '../components/common.tsx';
import { pick, useLang, useT } from '../i18n.ts';
import { formatTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import { IncidentCard, isLive } from './Dashboard.tsx';

const ROTATE_MS = 15_000;

export default function Wall() {
  const t = useT();
  const lang = useLang();
  const now = useNow(1000);
  const navigate = useNavigate();
  const live = Object.values(useConsole((s) => s.incidents))
    .filter(isLive)
    .sort((a, b) => b.openedAt - a.openedAt);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setIndex((i) => i + 1), ROTATE_MS);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void navigate('/dashboard');
      else if (e.key === 'f') void document.documentElement.requestFullscreen?.().catch(() => null);
    };
    window.addEventListener('keydown', onKey);
    document.documentElement.requestFullscreen?.().catch(() => null);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
  const current = live.length > 0 ? live[index % live.length] : undefined;
  return (
    <div className="wall">
      <header className="wall-head">
        <span>{t('appTitle')}</span>
        <span className="wall-clock">{formatTime(now, lang)}</span>
        <ConnectionIndicator />
      </header>
      {current ? (
        <IncidentCard key={current.id} incident={current} now={now} timelineRows={8} />
      ) : (
        <p className="empty">{t('noIncidents')}</p>
      )}
      <footer className="wall-strip">
        {live.map((i) => (
          <span key={i.id} className={i.id === current?.id ? 'current' : ''}>
            <IncidentLevel incident={i} /> {i.title} · {pick(i.planTitle, lang)}
          </span>
        ))}
      </footer>
    </div>
  );
}
