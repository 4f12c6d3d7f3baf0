/**
 * The wall screen: full screen, large type, no controls. Every live incident at once in a grid that fits
 * the screen (one card large; up to six side by side, 3 × 2 on 1920 × 1080), each with the same truthful
 * counts as the dashboard. More than six rotate a screen of six every 15 s, with a strip naming them all.
 * Escape leaves it.
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ConnectionIndicator } from '../components/Layout.tsx';
import { IncidentLevel, useNow } from '../components/common.tsx';
import { useLang, useT } from '../i18n.ts';
import { formatTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import { IncidentCard, isLive } from './Dashboard.tsx';

const ROTATE_MS = 15_000;
/** Cards on one screen: 3 columns × 2 rows stay legible from the back of the room. */
const PER_SCREEN = 6;

/** Columns and rows for n cards, and how many timeline lines each card keeps. */
export function wallGrid(n: number): { cols: number; rows: number; timelineRows: number } {
  if (n <= 1) return { cols: 1, rows: 1, timelineRows: 8 };
  if (n === 2) return { cols: 2, rows: 1, timelineRows: 8 };
  return { cols: n <= 4 ? 2 : 3, rows: 2, timelineRows: 3 };
}

export default function Wall() {
  const t = useT();
  const lang = useLang();
  const now = useNow(1000);
  const navigate = useNavigate();
  // what is late comes first, so the first screen shows it: overdue, then reaching no one, then awaiting a
  // signature, then the newest
  const live = Object.values(useConsole((s) => s.incidents))
    .filter(isLive)
    .sort(
      (a, b) =>
        b.counts.overdue - a.counts.overdue ||
        b.counts.unreached - a.counts.unreached ||
        Number(b.pending !== null) - Number(a.pending !== null) ||
        b.openedAt - a.openedAt,
    );
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((i) => i + 1), ROTATE_MS);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void navigate('/dashboard');
      else if (e.key === 'f') void document.documentElement.requestFullscreen?.().catch(() => null);
    };
    window.addEventListener('keydown', onKey);
    // full screen needs the click that opened the wall; a wall opened by its address waits for "f"
    if (navigator.userActivation?.isActive) document.documentElement.requestFullscreen?.().catch(() => null);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
  const pages = Math.max(1, Math.ceil(live.length / PER_SCREEN));
  const page = tick % pages;
  const shown = live.slice(page * PER_SCREEN, (page + 1) * PER_SCREEN);
  const grid = wallGrid(shown.length);
  return (
    <div className="wall">
      <header className="wall-head">
        <span>{t('appTitle')}</span>
        {pages > 1 && <span>{t('wallPage', { page: page + 1, pages })}</span>}
        <span className="wall-clock">{formatTime(now, lang)}</span>
        <ConnectionIndicator />
      </header>
      {shown.length > 0 ? (
        <div
          className={`wall-grid wall-n${shown.length}`}
          style={{
            gridTemplateColumns: `repeat(${grid.cols}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
          }}
        >
          {shown.map((i) => (
            <IncidentCard key={i.id} incident={i} now={now} timelineRows={grid.timelineRows} />
          ))}
        </div>
      ) : (
        <p className="empty">{t('noIncidents')}</p>
      )}
      {pages > 1 && (
        <footer className="wall-strip">
          {/* the incidents not on this screen, each named once, so none is out of sight for long */}
          {live
            .filter((i) => !shown.includes(i))
            .map((i) => (
              <span key={i.id}>
                <IncidentLevel incident={i} /> {i.title}
                {i.counts.overdue > 0 && (
                  <span className="tag danger">{t('cnt_overdue', { n: i.counts.overdue })}</span>
                )}
              </span>
            ))}
        </footer>
      )}
    </div>
  );
}
