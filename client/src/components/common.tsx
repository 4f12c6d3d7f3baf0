/** Small pieces every screen uses: level badge, progress bar, countdown, the ticking clock. */
import { useEffect, useState } from 'react';
import { pick, useLang, useT } from '../i18n.ts';
import { countdown } from '../logic/countdown.ts';
import type { Bilingual } from '../../../shared/engine/text.ts';
import type { IncidentSummary } from '../../../shared/protocol/contract.ts';

/** Level colours that keep white text readable on a projector; the name is always written too. */
interface BadgeColour {
  bg: string;
  fg: string;
  border?: string;
}
export const LEVEL_COLOUR: Record<string, BadgeColour> = {
  blue: { bg: '#1e40af', fg: '#fff' },
  yellow: { bg: '#facc15', fg: '#111' },
  orange: { bg: '#ea580c', fg: '#fff' },
  red: { bg: '#b91c1c', fg: '#fff' },
};
/** a level in force that the plan gives no warning colour (农村供水 村级/镇级/区级): outlined, never grey */
const NO_COLOUR: BadgeColour = { bg: '#fff', fg: '#111827', border: '2px solid #111827' };
/** no level in force yet (接报研判中): dashed grey, so it cannot be mistaken for one */
const NO_LEVEL: BadgeColour = { bg: '#e5e7eb', fg: '#374151', border: '2px dashed #6b7280' };

export function LevelBadge({
  name,
  color,
  large,
}: {
  name: Bilingual | null;
  color: string | null;
  large?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const c = !name ? NO_LEVEL : (color && LEVEL_COLOUR[color]) || NO_COLOUR;
  return (
    <span
      className={large ? 'badge badge-large' : 'badge'}
      style={{ background: c.bg, color: c.fg, ...(c.border ? { border: c.border } : {}) }}
    >
      {name ? pick(name, lang) : t('noLevel')}
    </span>
  );
}

export function IncidentLevel({ incident, large }: { incident: IncidentSummary; large?: boolean }) {
  return <LevelBadge name={incident.levelName} color={incident.levelColor} {...(large ? { large } : {})} />;
}

/** Re-renders every `everyMs`; one timer per component that shows a running clock. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label={label}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-label">{label}</span>
    </div>
  );
}

export function Countdown({ dueAt, now }: { dueAt: number; now: number }) {
  const lang = useLang();
  const c = countdown(dueAt, now, lang);
  return <span className={c.urgent ? 'countdown urgent' : 'countdown'}>{c.text}</span>;
}

export function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;
}
