/**
 * What waits in a unit's inbox, counted for the tab title on every screen. Apart from the inbox page, so
 * that the frame (Layout) loads none of the inbox's list code.
 */
import { useEffect } from 'react';
import { useT } from '../i18n.ts';
import { useConsole } from '../store/index.ts';

/** Tasks that wait for this unit's acknowledgement (and are not already queued to be sent). */
export function useWaitingCount(): number {
  return useConsole((s) => {
    const queued = new Set(s.outbox.map((q) => q.taskId));
    return s.inbox.filter((task) => task.status === 'assigned' && !queued.has(task.id)).length;
  });
}

/** The tab title counts what waits, on every screen, so a unit sees it even with the tab in the background. */
export function useInboxTitle(active: boolean) {
  const t = useT();
  const waiting = useWaitingCount();
  useEffect(() => {
    if (active) document.title = waiting > 0 ? `(${waiting}) ${t('appTitle')}` : t('appTitle');
  }, [active, waiting, t]);
}
