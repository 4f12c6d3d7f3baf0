/**
 * A unit's home: its open tasks across incidents, newest first, with acknowledge, progress and done.
 * Actions made while offline are queued and sent on reconnect; the tab title counts what waits for an
 * acknowledgement, so the tab says so even in the background.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorText, newRequestId } from '../api.ts';
import { VirtualList } from '../components/VirtualList.tsx';
import { Countdown, ErrorText, useNow } from '../components/common.tsx';
import { isOpen } from '../../../shared/engine/incident.ts';
import { useLang, useT } from '../i18n.ts';
import { taskCommand } from '../live/connection.ts';
import { formatDateTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import type { InboxTask } from '../types.ts';

function TaskRow({ task, queued, now }: { task: InboxTask; queued: boolean; now: number }) {
  const t = useT();
  const lang = useLang();
  const [note, setNote] = useState('');
  const [reporting, setReporting] = useState<null | boolean>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'ack' | 'report', done?: boolean) => {
    setError(null);
    try {
      await taskCommand({
        requestId: newRequestId(),
        taskId: task.id,
        kind,
        ...(kind === 'report' ? { note, done: done ?? false } : {}),
        queuedAt: Date.now(),
      });
      setReporting(null);
      setNote('');
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const open = isOpen(task);
  return (
    <div className={`task task-${task.status}${task.overdue ? ' task-overdue' : ''}`} data-task={task.id}>
      <div className="task-main">
        <span className="task-status">{queued ? t('queued') : t(`task_${task.status}`)}</span>
        {task.overdue && open && <span className="tag danger">{t('taskOverdue')}</span>}
        <strong>{lang === 'zh' ? task.title : task.titleEn}</strong>
        <span className="muted">{t('clause', { clause: task.clause })}</span>
      </div>
      <div className="muted">
        <Link to={`/incidents/${task.incidentId}`}>{task.incidentTitle}</Link> ·{' '}
        {formatDateTime(task.assignedAt, lang)} ·{' '}
        {task.dueAt !== null ? (
          <>
            {t('due', { time: formatDateTime(task.dueAt, lang) })}{' '}
            {open && <Countdown dueAt={task.dueAt} now={now} />}
          </>
        ) : (
          t('noDue')
        )}
      </div>
      {task.notes.length > 0 && <p className="note">{task.notes[task.notes.length - 1]!.text}</p>}
      {open && !queued && (
        <div className="task-actions">
          {task.status === 'assigned' && (
            <button type="button" onClick={() => void run('ack')}>
              {t('acknowledge')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setReporting(false)}>
            {t('progressNote')}
          </button>
          <button type="button" className="secondary" onClick={() => setReporting(true)}>
            {t('markDone')}
          </button>
        </div>
      )}
      {reporting !== null && (
        <form
          className="task-report"
          onSubmit={(e) => {
            e.preventDefault();
            void run('report', reporting);
          }}
        >
          <label>
            {t('notePlaceholder')}
            <input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              required
              maxLength={2000}
              autoFocus
            />
          </label>
          <button type="submit">{t('send')}</button>
          <button type="button" className="secondary" onClick={() => setReporting(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <ErrorText error={error} />
    </div>
  );
}

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

export function Inbox() {
  const t = useT();
  const now = useNow(1000);
  const inbox = useConsole((s) => s.inbox);
  const outbox = useConsole((s) => s.outbox);
  const notice = useConsole((s) => s.outboxNotice);
  const connection = useConsole((s) => s.connection.status);
  const [all, setAll] = useState(false);
  const queuedIds = new Set(outbox.map((q) => q.taskId));
  const shown = all ? inbox : inbox.filter((task) => isOpen(task));
  const waiting = useWaitingCount();
  const canNotify = typeof Notification !== 'undefined' && Notification.permission === 'default';
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">
        {t('navInbox')} {waiting > 0 && <span className="count">{waiting}</span>}
      </h1>
      <div className="toolbar">
        <label className="inline">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('showAll')}
        </label>
        {canNotify && (
          <button type="button" className="secondary" onClick={() => void Notification.requestPermission()}>
            {t('enableNotifications')}
          </button>
        )}
      </div>
      {outbox.length > 0 && connection !== 'live' && (
        <p className="queued-note" role="status">
          {t('queuedCount', { n: outbox.length })}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {shown.length === 0 ? (
        <p className="empty">{t('inboxEmpty')}</p>
      ) : (
        <VirtualList
          items={shown}
          estimate={120}
          rowKey={(task) => task.id}
          label={t('navInbox')}
          render={(task) => <TaskRow task={task} queued={queuedIds.has(task.id)} now={now} />}
        />
      )}
    </section>
  );
}
