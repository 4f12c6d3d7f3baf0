/**
 * A unit's home: its open tasks across incidents, grouped by incident and ordered by what is most urgent
 * (overdue, then the nearest deadline, then not yet acknowledged; logic/inbox.ts), with acknowledge
 * (one task, or all new tasks of an incident at once), progress and done. Each incident says its current
 * level and whether it is a drill. Tasks closed when the response ended, stood down by a lower level or
 * moved to a role's new holder are announced in a notice above; ended tasks follow in their own section.
 * Actions made while offline, or paced by the server, are queued and sent later; the tab title counts what
 * waits for an acknowledgement, so the tab says so even in the background.
 */
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { errorText, newRequestId } from '../live/call.ts';
import { VirtualList } from '../components/VirtualList.tsx';
import { Countdown, ErrorText, LevelBadge, useNow } from '../components/common.tsx';
import { isOpen } from '../../../shared/engine/incident.ts';
import { pick, useLang } from '../i18n.ts';
import { live } from '../live/connection.ts';
import {
  changeNotices,
  endedTasks,
  type IncidentGroup,
  type Notice,
  openGroups,
  toAcknowledge,
} from '../logic/inbox.ts';
import { formatDateTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import { useWaitingCount } from '../components/useInboxTitle.ts';
import type { InboxTask } from '../../../shared/protocol/contract.ts';
import type { Attachment } from '../../../shared/engine/incident.ts';
import { useAttachT } from '../words/attachments.ts';
import { AttachmentLink } from '../components/AttachmentLink.tsx';

/** 上传书面报告: loaded when a unit opens it, so the inbox itself stays small */
const AttachReport = lazy(() => import('../components/AttachReport.tsx'));

/** The files attached to the task's notes in view, each a download (the server sends it as one). */
function Attachments({ notes }: { notes: InboxTask['notes'] }) {
  const t = useAttachT();
  const files = notes.flatMap((n): Attachment[] => (n.attachment ? [n.attachment] : []));
  if (files.length === 0) return null;
  return (
    <p className="attachments">
      {t('colon', { label: t('at_attachments') })}
      {files.map((f, i) => (
        <span key={f.fileId}>
          {i > 0 && t('tl_listSep')}
          <AttachmentLink file={f} />
        </span>
      ))}
    </p>
  );
}

function TaskRow({ task, queued, now }: { task: InboxTask; queued: boolean; now: number }) {
  const t = useAttachT();
  const lang = useLang();
  const [note, setNote] = useState('');
  const [reporting, setReporting] = useState<null | boolean>(null);
  const [attaching, setAttaching] = useState(false);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'acknowledge' | 'report', done?: boolean) => {
    setError(null);
    try {
      await live.taskCommand({
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
        {task.status === 'done' && task.late && <span className="tag warn">{t('taskLate')}</span>}
        <strong>{lang === 'zh' ? task.title : task.titleEn}</strong>
        <span className="muted">{t('clause', { clause: task.clause })}</span>
      </div>
      <div className="muted task-meta">
        {!open && <>{task.incidentTitle} · </>}
        {formatDateTime(task.assignedAt, lang)} ·{' '}
        {task.dueAt !== null ? (
          <>
            {t('due', { time: formatDateTime(task.dueAt, lang) })}{' '}
            {open && <Countdown dueAt={task.dueAt} now={now} />}
          </>
        ) : (
          t('noDue')
        )}
        {task.status === 'done' && task.doneAt !== undefined && (
          <> · {t('doneAtTime', { time: formatDateTime(task.doneAt, lang) })}</>
        )}
        {task.status !== 'done' && task.closedAt !== undefined && (
          <> · {t('closedAtTime', { time: formatDateTime(task.closedAt, lang) })}</>
        )}
      </div>
      {/* a report that is only a file has no words: its file is listed below */}
      {task.notes.at(-1)?.text && <p className="note">{task.notes.at(-1)!.text}</p>}
      <Attachments notes={task.notes} />
      {open && !queued && (
        <div className="task-actions">
          {task.status === 'assigned' && (
            <button type="button" onClick={() => void run('acknowledge')}>
              {t('acknowledge')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setReporting(false)}>
            {t('progressNote')}
          </button>
          <button type="button" className="secondary" onClick={() => setReporting(true)}>
            {t('markDone')}
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={attaching}
            onClick={() => {
              setAttaching((a) => !a);
              setUploaded(null);
            }}
          >
            {t('at_attach')}
          </button>
        </div>
      )}
      {attaching && open && !queued && (
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          <AttachReport
            taskId={task.id}
            onUploaded={(name) => {
              setAttaching(false);
              setUploaded(name);
            }}
            onCancel={() => setAttaching(false)}
          />
        </Suspense>
      )}
      {uploaded && <p role="status">{t('at_uploaded', { name: uploaded })}</p>}
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

/** The level's colour, from the plan the store already holds. */
function useLevelColour(planId: string, level: string | null): string | null {
  return useConsole(
    (s) => s.plans.find((p) => p.id === planId)?.levels.find((l) => l.id === level)?.color ?? null,
  );
}

/**
 * An incident's heading in the inbox: its current level and a drill tag, its status when not simply
 * active, and "全部确认" — one acknowledgement per new task, sent one after another through the same path
 * as a single acknowledgement (queued when offline or paced, never lost).
 */
function GroupHead({ group, queued }: { group: IncidentGroup<InboxTask>; queued: ReadonlySet<string> }) {
  const t = useAttachT();
  const lang = useLang();
  const planId = group.tasks[0]!.planId;
  const colour = useLevelColour(planId, group.level);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const waiting = toAcknowledge(group.tasks, queued);
  const acknowledgeAll = async () => {
    setSending(true);
    setError(null);
    const failed: string[] = [];
    for (const task of waiting) {
      try {
        await live.taskCommand({
          requestId: newRequestId(),
          taskId: task.id,
          kind: 'acknowledge',
          queuedAt: Date.now(),
        });
      } catch (e) {
        failed.push(errorText(e, lang));
      }
    }
    setSending(false);
    if (failed.length > 0) setError(t('ackAllFailed', { n: failed.length, message: failed[0]! }));
  };
  return (
    <div className="inbox-group" data-incident={group.incidentId} data-status={group.status}>
      <div className="inbox-group-title">
        <span title={group.levelName ? t('currentLevel', { level: pick(group.levelName, lang) }) : undefined}>
          <LevelBadge name={group.levelName} color={colour} />
        </span>
        {group.drill && <span className="tag drill">{t('drill')}</span>}
        <Link to={`/incidents/${group.incidentId}`}>
          <strong>{group.title}</strong>
        </Link>
        {group.status !== 'active' && <span className="tag">{t(`status_${group.status}`)}</span>}
      </div>
      <div className="inbox-group-bar">
        <span className="muted">{t('openInGroup', { n: group.tasks.length })}</span>
        {waiting.length > 0 && (
          <button type="button" className="ack-all" disabled={sending} onClick={() => void acknowledgeAll()}>
            {sending ? t('ackAllSending') : t('ackAll', { n: waiting.length })}
          </button>
        )}
      </div>
      <ErrorText error={error} />
    </div>
  );
}

/** What changed for this unit: tasks closed by termination, stood down by a lower level, or moved. */
function Notices({ notices }: { notices: Notice<InboxTask>[] }) {
  const t = useAttachT();
  const lang = useLang();
  return (
    <section className="notices" aria-labelledby="notices-title">
      <h2 id="notices-title">{t('noticesHeading')}</h2>
      {notices.map((n) => (
        <div
          key={n.key}
          className={`notice notice-${n.kind}`}
          data-incident={n.incidentId}
          data-kind={n.kind}
        >
          <div className="notice-head">
            {n.drill && <span className="tag drill">{t('drill')}</span>}
            <strong>{n.title}</strong>
            <time className="muted">{formatDateTime(n.at, lang)}</time>
          </div>
          <details open={n.tasks.length <= 4}>
            <summary>
              {t(`notice_${n.kind}`)}
              {t('paren', { text: t('noticeCount', { n: n.tasks.length }) })}
              {n.kind === 'stoodDown' && n.levelName && n.status !== 'terminated' && (
                <span className="muted"> · {t('currentLevel', { level: pick(n.levelName, lang) })}</span>
              )}
            </summary>
            <ul>
              {n.tasks.map((task) => (
                <li key={task.id} data-task={task.id}>
                  {lang === 'zh' ? task.title : task.titleEn}{' '}
                  <span className="muted">
                    {task.clause}
                    {task.overdue && <> · {t('taskOverdue')}</>}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        </div>
      ))}
    </section>
  );
}

type Row = { kind: 'group'; group: IncidentGroup<InboxTask> } | { kind: 'task'; task: InboxTask };

/** How long the outcome of sending the queue stays on screen. */
const NOTICE_SHOWN_MS = 60_000;

export function Inbox() {
  const t = useAttachT();
  const now = useNow(1000);
  const inbox = useConsole((s) => s.inbox);
  const outbox = useConsole((s) => s.outbox);
  const notice = useConsole((s) => s.outboxNotice);
  const connection = useConsole((s) => s.connection.status);
  const [showEnded, setShowEnded] = useState(false);
  const queuedIds = new Set(outbox.map((q) => q.taskId));
  const groups = openGroups(inbox, now);
  const rows: Row[] = groups.flatMap((group) => [
    { kind: 'group' as const, group },
    ...group.tasks.map((task) => ({ kind: 'task' as const, task })),
  ]);
  const notices = changeNotices(inbox, now);
  const ended = endedTasks(inbox);
  const waiting = useWaitingCount();
  const canNotify = typeof Notification !== 'undefined' && Notification.permission === 'default';
  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <h1 id="inbox-title">
        {t('navInbox')} {waiting > 0 && <span className="count">{waiting}</span>}
      </h1>
      {canNotify && (
        <div className="toolbar">
          <button type="button" className="secondary" onClick={() => void Notification.requestPermission()}>
            {t('enableNotifications')}
          </button>
        </div>
      )}
      {outbox.length > 0 && connection !== 'live' && (
        <p className="queued-note" role="status">
          {t('queuedCount', { n: outbox.length })}
        </p>
      )}
      {notice &&
        // "sent after reconnecting" is old news once something waits again
        !(notice.key === 'sentAfterReconnect' && outbox.length > 0) &&
        now - notice.at < NOTICE_SHOWN_MS && <p role="status">{t(notice.key, notice.vars)}</p>}
      {notices.length > 0 && <Notices notices={notices} />}
      <h2 className="sr-only">{t('openTasksHeading')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('inboxEmpty')}</p>
      ) : (
        <VirtualList
          items={rows}
          estimate={120}
          rowKey={(row) => (row.kind === 'group' ? `incident:${row.group.incidentId}` : row.task.id)}
          label={t('navInbox')}
          render={(row) =>
            row.kind === 'group' ? (
              <GroupHead group={row.group} queued={queuedIds} />
            ) : (
              <TaskRow task={row.task} queued={queuedIds.has(row.task.id)} now={now} />
            )
          }
        />
      )}
      {ended.length > 0 && (
        <details className="ended-tasks" onToggle={(e) => setShowEnded(e.currentTarget.open)}>
          <summary>{t('endedTasks', { n: ended.length })}</summary>
          {showEnded && (
            <VirtualList
              items={ended}
              estimate={90}
              height="60vh"
              rowKey={(task) => task.id}
              label={t('endedTasks', { n: ended.length })}
              render={(task) => <TaskRow task={task} queued={false} now={now} />}
            />
          )}
        </details>
      )}
    </section>
  );
}
