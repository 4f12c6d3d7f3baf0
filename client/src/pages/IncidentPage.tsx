/**
 * One incident: who must do what (the task matrix, unit by unit, with status, deadline and clause), the
 * clocks, the level history with the reasons given, the readings and recommendation that led there, and
 * the decisions the user's role may take, each previewed before it is confirmed.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { canSign } from '../../../shared/engine/authority.ts';
import { isOpen } from '../../../shared/engine/incident.ts';
import { isRetired } from '../../../shared/engine/progress.ts';
import type { Milestone } from '../../../shared/plans/schema.ts';
import type { EngineCommand, Inputs, TaskView } from '../../../shared/protocol/contract.ts';
import { errorText, newRequestId } from '../live/call.ts';
import { live } from '../live/connection.ts';
import { useIncidentDetail } from '../live/views.ts';
import { ActionDialog } from '../components/ActionDialog.tsx';
import { AttachmentLink } from '../components/AttachmentLink.tsx';
import { GiveOccurrence } from '../components/GiveOccurrence.tsx';
import { RoleBindings } from '../components/BindRole.tsx';
import { NotesDialog } from '../components/NotesDialog.tsx';
import { PendingText } from '../components/PendingText.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { usePlan } from '../components/usePlan.ts';
import { VirtualList } from '../components/VirtualList.tsx';
import { Countdown, ErrorText, IncidentLevel, useNow } from '../components/common.tsx';
import { pick, useLang, useT } from '../i18n.ts';
import { STATUS_COLOUR, tasksByUnit, UNIT_ATTENTION, unitStatus } from '../logic/unitStatus.ts';
import { personLabel } from '../logic/facts.ts';
import { formatDateTime } from '../logic/time.ts';
import { usePeople } from '../live/people.ts';
import { useConsole } from '../store/index.ts';

/** The commands addressed to the incident itself (its path names it). */
type IncidentCommand = Exclude<EngineCommand, 'open' | 'acknowledge' | 'report'>;

type Dialog =
  | { kind: 'level'; levelId: string }
  | { kind: 'declare'; levelId: string }
  | { kind: 'terminate' }
  | { kind: 'close' }
  | { kind: 'approve' }
  | { kind: 'reject' }
  | { kind: 'withdraw' }
  | { kind: 'reportFor'; task: TaskView; done: boolean };

const OPERATORS = new Set(['duty', 'director', 'commander']);

/**
 * A task's latest report and how many it holds; the whole history opens in a dialog. A report may be only a
 * file (its text is empty): the file is shown as its download link, after the text when there is one.
 */
export function LatestNote({ task, onOpen }: { task: TaskView; onOpen: () => void }) {
  const t = useT();
  const last = task.notes.at(-1);
  if (task.noteCount === 0 || !last) return null;
  return (
    <div className="chip-note">
      {last.text && (
        <span className="note" title={last.text}>
          {last.text}
        </span>
      )}
      {last.attachment && (
        // a long file name wraps rather than pushing the button out of the chip
        <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <AttachmentLink file={last.attachment} />
        </span>
      )}
      <button type="button" className="secondary small" onClick={onOpen}>
        {t('allNotes', { n: task.noteCount })}
      </button>
    </div>
  );
}

/** What an ended task's chip says beside its status: when it was done (and whether late) or closed. */
function Ended({ task }: { task: TaskView }) {
  const t = useT();
  const lang = useLang();
  if (task.status === 'done' && task.doneAt !== undefined)
    return (
      <>
        {task.late && <span className="tag warn">{t('taskLate')}</span>}{' '}
        <span className="muted">{formatDateTime(task.doneAt, lang)}</span>
      </>
    );
  if (task.closedAt !== undefined)
    return <span className="muted">{formatDateTime(task.closedAt, lang)}</span>;
  return null;
}

function TaskMatrix({
  tasks,
  now,
  onNotes,
  proxy,
}: {
  tasks: TaskView[];
  now: number;
  onNotes: (task: TaskView) => void;
  /** staff record for a role held by an outside party; null when this viewer may not */
  proxy: { ack: (task: TaskView) => void; report: (task: TaskView, done: boolean) => void } | null;
}) {
  const t = useT();
  const lang = useLang();
  const [filter, setFilter] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  // stood down by a lower level, or moved on when their role was rebound: hidden unless asked for
  const retiredCount = tasks.filter(isRetired).length;
  const rows = [...tasksByUnit(tasks.filter((x) => showRetired || !isRetired(x))).entries()]
    .filter(
      ([unitId, list]) =>
        !filter.trim() || list[0]!.unit.includes(filter.trim()) || unitId.includes(filter.trim()),
    )
    .map(([unitId, list]) => ({ unitId, list, status: unitStatus(list) }))
    .sort(
      (a, b) =>
        UNIT_ATTENTION[a.status] - UNIT_ATTENTION[b.status] ||
        a.list[0]!.unit.localeCompare(b.list[0]!.unit, 'zh-CN'),
    );
  return (
    <>
      <label className="inline">
        {t('search')}{' '}
        <input type="search" name="unitFilter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {retiredCount > 0 && (
        <label className="inline">
          <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />{' '}
          {t('showRetired', { n: retiredCount })}
        </label>
      )}
      <VirtualList
        items={rows}
        estimate={90}
        label={t('taskMatrix')}
        height="60vh"
        rowKey={(row) => row.unitId}
        render={({ unitId, list, status }) => {
          return (
            <div className="matrix-row" data-unit={unitId} data-status={status}>
              <div className="matrix-unit">
                <span className="dot" style={{ background: STATUS_COLOUR[status] }} aria-hidden="true" />
                <strong>{lang === 'zh' ? list[0]!.unit : list[0]!.unitEn}</strong>
                <span className="muted">{t(`unit_${status}`)}</span>
              </div>
              <ul className="matrix-tasks">
                {list.map((task) => (
                  <li key={task.id} className={`chip chip-${task.status}`} data-task={task.id}>
                    <span>{lang === 'zh' ? task.title : task.titleEn}</span>{' '}
                    <span className="chip-status">{t(`task_${task.status}`)}</span>
                    {!task.reached && isOpen(task) && <span className="tag danger">{t('unreached')}</span>}
                    {task.overdue && (isOpen(task) || task.status === 'closed') && (
                      <span className="tag danger">{t('taskOverdue')}</span>
                    )}{' '}
                    <Ended task={task} />{' '}
                    <span className="muted">
                      {task.clause}
                      {task.dueAt !== null && <> · {t('due', { time: formatDateTime(task.dueAt, lang) })}</>}
                      {task.dueAt !== null && isOpen(task) && (
                        <>
                          {' '}
                          <Countdown dueAt={task.dueAt} now={now} />
                        </>
                      )}
                    </span>
                    <LatestNote task={task} onOpen={() => onNotes(task)} />
                    {proxy && task.reached && task.roleId === task.unitId && isOpen(task) && (
                      <span className="row">
                        {task.status === 'assigned' && (
                          <button type="button" className="secondary small" onClick={() => proxy.ack(task)}>
                            {t('ackFor')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() => proxy.report(task, false)}
                        >
                          {t('reportFor')}
                        </button>
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() => proxy.report(task, true)}
                        >
                          {t('reportForDone')}
                        </button>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        }}
      />
    </>
  );
}

export default function IncidentPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const now = useNow(1000);
  const user = useConsole((s) => s.user);
  const people = usePeople();
  const [detail, problem] = useIncidentDetail(id);
  const facts = useConsole((s) => s.timelines[id]) ?? [];
  const plan = usePlan(detail?.incident.planId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notesOf, setNotesOf] = useState<TaskView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    void live.loadTimeline(id);
  }, [id]);
  if (!detail)
    return <p>{problem === 'missing' ? t('noSuchIncident') : problem ? t('loadFailed') : t('loading')}</p>;
  const inc = detail.incident;
  const role = user?.role ?? 'leader';
  const operator = OPERATORS.has(role);
  // only the buttons that can apply to the incident's state are offered
  const operating = operator && inc.status !== 'terminated';
  const grading = operator && inc.status === 'open';
  const changeable = operator && inc.status === 'active' && inc.pending === null;
  const withdrawable = inc.pending !== null && inc.pending.by === user?.id;
  const signable = inc.pending !== null && canSign(role === 'unit' ? 'unit' : role, inc.pending.signer);
  const bindable = operator && (inc.status !== 'terminated' || inc.counts.open > 0);
  const c = inc.counts;
  const levelName = (levelId: string | null) =>
    levelId ? (plan?.levels.find((l) => l.id === levelId)?.name[lang] ?? levelId) : t('noLevel');
  // a command's answer is folded into the state at once (live.command); a refusal is shown by the dialog
  const post = async <N extends IncidentCommand>(
    name: N,
    body: Omit<Inputs[N], 'incidentId' | 'requestId'>,
  ) => {
    await live.command(name, { ...body, incidentId: id, requestId: newRequestId() } as Inputs[N]);
  };
  const proxy = operator
    ? {
        ack: (task: TaskView) =>
          void live
            .command('acknowledge', { taskId: task.id, requestId: newRequestId() })
            .catch((e: unknown) => setFailure(errorText(e, lang))),
        report: (task: TaskView, done: boolean) => setDialog({ kind: 'reportFor', task, done }),
      }
    : null;
  const recordMilestone = (milestone: Milestone) =>
    post('recordMilestone', { milestone, at: Date.now(), expectedVersion: inc.version }).catch((e: unknown) =>
      setFailure(errorText(e, lang)),
    );
  return (
    <section aria-labelledby="incident-title" className="incident">
      <header className="incident-head">
        <IncidentLevel incident={inc} large />
        <h1 id="incident-title">{inc.title}</h1>
        {inc.drill && <span className="tag">{t('drill')}</span>}
        <span className="muted">
          {pick(inc.planTitle, lang)} · {t(`status_${inc.status}`)} · {formatDateTime(inc.openedAt, lang)}
          {inc.place && (
            <>
              {' '}
              · {t('colon', { label: t('place') })}
              {inc.place.kind === 'area'
                ? inc.place.name
                : inc.place.kind === 'unit'
                  ? (plan?.units.find((u) => u.id === (inc.place as { unitId: string }).unitId)?.[
                      lang === 'zh' ? 'name' : 'en'
                    ] ?? inc.place.unitId)
                  : `${inc.place.lat}, ${inc.place.lng}`}
            </>
          )}
        </span>
        <div className="muted report-times">
          {t('reportTimes', {
            // an occurrence nobody gave shows as not given, not as the report's time the clocks ran from
            occurred: inc.occurredAt === null ? t('occurredNotGiven') : formatDateTime(inc.occurredAt, lang),
            reported: formatDateTime(inc.milestones.reported ?? inc.openedAt, lang),
          })}{' '}
          {operator && inc.occurrenceOpen && (
            <GiveOccurrence
              reportedAt={inc.milestones.reported ?? inc.openedAt}
              onGive={(at) => post('recordMilestone', { milestone: 'occurred', at })}
            />
          )}
        </div>
        <p className="incident-counts" data-counts="">
          {t('incidentCounts', {
            tasks: c.tasks,
            open: c.open,
            missed: c.missed,
            ack: c.acknowledged,
            done: c.done,
            late: c.doneLate,
            undone: c.closedUndone,
            overdue: c.overdue,
            unreached: c.unreached,
          })}
        </p>
        {inc.summary && (
          <p className="summary">
            <strong>{t('colon', { label: t('reportSummary') })}</strong>
            {inc.summary}
          </p>
        )}
      </header>
      {inc.status === 'terminated' && (
        <nav className="actions-bar" aria-label={t('rv_afterLinks')}>
          {role !== 'unit' && (
            <strong style={{ fontSize: '1.15rem' }}>
              <Link to={`/incidents/${encodeURIComponent(id)}/review`}>{t('rv_link')}</Link>
            </strong>
          )}
          <Link to={`/ledger?incidentId=${encodeURIComponent(id)}`}>{t('rv_ledger')}</Link>
        </nav>
      )}
      <ErrorText error={failure} />

      {inc.pending && (
        <div className="pending-box" role="status">
          <p>
            <PendingText pending={inc.pending} planId={inc.planId} />
          </p>
          {withdrawable && (
            <button type="button" className="secondary" onClick={() => setDialog({ kind: 'withdraw' })}>
              {t('withdraw')}
            </button>
          )}
          {signable && (
            <div className="row">
              <button type="button" onClick={() => setDialog({ kind: 'approve' })}>
                {t('approve')}
              </button>
              <button type="button" className="danger" onClick={() => setDialog({ kind: 'reject' })}>
                {t('reject')}
              </button>
            </div>
          )}
        </div>
      )}

      {grading && plan && (
        <div className="actions-bar" aria-label={t('actions')}>
          <span>{t('declareLevelHere')}</span>
          {plan.levels.map((l) => (
            <button
              key={l.id}
              type="button"
              className="secondary"
              onClick={() => setDialog({ kind: 'declare', levelId: l.id })}
            >
              {l.name[lang]}
            </button>
          ))}
          <button type="button" className="danger" onClick={() => setDialog({ kind: 'close' })}>
            {t('closeIncident')}
          </button>
        </div>
      )}
      {changeable && plan && (
        <div className="actions-bar" aria-label={t('actions')}>
          <span>{t('colon', { label: t('changeLevel') })}</span>
          {plan.levels
            .filter((l) => l.id !== inc.level)
            .map((l) => (
              <button
                key={l.id}
                type="button"
                className="secondary"
                onClick={() => setDialog({ kind: 'level', levelId: l.id })}
              >
                {l.name[lang]}
              </button>
            ))}
          <button type="button" className="danger" onClick={() => setDialog({ kind: 'terminate' })}>
            {t('terminate')}
          </button>
        </div>
      )}

      {inc.roles.length > 0 && (
        <section aria-labelledby="roles-title">
          <h2 id="roles-title">{t('roles')}</h2>
          <RoleBindings
            roles={inc.roles}
            canBind={bindable}
            onBind={(roleId, to) => post('bind', { role: roleId, to })}
          />
        </section>
      )}

      <div className="grid-2">
        <div>
          <h2>{t('taskMatrix')}</h2>
          <TaskMatrix tasks={detail.tasks} now={now} onNotes={setNotesOf} proxy={proxy} />
        </div>
        <div>
          <h2>{t('clocks')}</h2>
          <ul className="clocks">
            {[...detail.clocks.obligations]
              .sort((a, b) => a.dueAt - b.dueAt)
              .map((o) => {
                const task = detail.tasks.find((x) => x.id === o.taskId);
                return (
                  <li key={o.taskId} data-clock={o.status}>
                    {['pending', 'dueSoon', 'overdue'].includes(o.status) ? (
                      <Countdown dueAt={o.dueAt} now={now} />
                    ) : (
                      <span>{t(`clock_${o.status as 'met' | 'metLate' | 'missed' | 'closedUndone'}`)}</span>
                    )}{' '}
                    {task ? (lang === 'zh' ? task.title : task.titleEn) : o.clockId}
                    {t('paren', {
                      text: `${t('owedBy', { who: (lang === 'zh' ? task?.unit : task?.unitEn) ?? o.unitId })}${t('commaSep')}${task?.clause ?? ''}`,
                    })}{' '}
                    {task && !task.reached && <span className="tag danger">{t('unreached')}</span>}{' '}
                    {formatDateTime(o.dueAt, lang)}
                  </li>
                );
              })}
            {detail.clocks.waiting.map((w) => (
              <li key={w.clockId} className="muted">
                {t('colon', {
                  label: plan?.clocks.find((c) => c.id === w.clockId)?.title[lang] ?? w.clockId,
                })}
                {t('waitingFor', { milestone: t(`ms_${w.waitingFor as Milestone}`) })}{' '}
                {operating && (
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => void recordMilestone(w.waitingFor as Milestone)}
                  >
                    {t('recordNow')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <h2>{t('levelHistory')}</h2>
          <ol className="history">
            {inc.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at, lang)} {levelName(h.from)} →{' '}
                {h.to ? levelName(h.to) : t('status_terminated')}
                {t('paren', {
                  text: `${personLabel(h.by, people, lang)}${h.signedBy ? `${t('partSep')}${t('signedBy', { who: personLabel(h.signedBy, people, lang) })}` : ''}`,
                })}
                {h.reason ? t('pendingReason', { reason: h.reason }) : ''}
              </li>
            ))}
          </ol>
          <h2>{t('readings')}</h2>
          <dl className="readings">
            {Object.entries(inc.readings).map(([k, v]) => (
              <div key={k}>
                <dt>{plan?.indicators.find((d) => d.key === k)?.name[lang] ?? k}</dt>
                <dd>{Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? t(v ? 'yes' : 'no') : v}</dd>
              </div>
            ))}
          </dl>
          <p>
            {inc.recommended
              ? t('recommended', { level: levelName(inc.recommended) })
              : Object.keys(inc.readings).length === 0
                ? t('noReadings')
                : t('noRecommendation')}
          </p>
          <h2>{t('timeline')}</h2>
          <Timeline facts={facts} limit={50} planId={inc.planId} reserve={false} />
        </div>
      </div>

      {notesOf && <NotesDialog task={notesOf} onClose={() => setNotesOf(null)} />}
      {dialog?.kind === 'level' && (
        <ActionDialog
          title={`${t('colon', { label: t('changeLevel') })}${levelName(inc.level)} → ${levelName(dialog.levelId)}`}
          preview={{ incidentId: id, levelId: dialog.levelId }}
          reasonRequired
          onConfirm={(reason) =>
            post('changeLevel', { levelId: dialog.levelId, reason, expectedVersion: inc.version })
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'declare' && (
        <ActionDialog
          title={`${t('declareLevelHere')}${levelName(dialog.levelId)}`}
          preview={{ incidentId: id, levelId: dialog.levelId }}
          reasonRequired={inc.recommended !== null && inc.recommended !== dialog.levelId}
          onConfirm={(reason) =>
            post('declare', {
              levelId: dialog.levelId,
              ...(reason ? { reason } : {}),
              expectedVersion: inc.version,
            })
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'close' && (
        <ActionDialog
          title={t('closeIncident')}
          preview={{ incidentId: id }}
          reasonRequired
          onConfirm={(reason) => post('terminate', { reason, expectedVersion: inc.version })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <ActionDialog
          title={t('withdraw')}
          preview={null}
          reasonRequired={false}
          onConfirm={(reason) =>
            post('withdraw', { ...(reason ? { reason } : {}), expectedVersion: inc.version })
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'reportFor' && (
        <ActionDialog
          title={`${t('colon', { label: dialog.done ? t('reportForDone') : t('reportFor') })}${
            lang === 'zh' ? dialog.task.title : dialog.task.titleEn
          }${t('paren', { text: lang === 'zh' ? dialog.task.unit : dialog.task.unitEn })}`}
          preview={null}
          reasonRequired
          onConfirm={(note) =>
            live
              .command('report', {
                taskId: dialog.task.id,
                note,
                done: dialog.done,
                requestId: newRequestId(),
              })
              .then(() => undefined)
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'terminate' && (
        <ActionDialog
          title={t('terminate')}
          preview={{ incidentId: id }}
          reasonRequired
          onConfirm={(reason) => post('terminate', { reason, expectedVersion: inc.version })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'approve' && (
        <ActionDialog
          title={t('approve')}
          preview={
            inc.pending?.kind === 'terminate'
              ? { incidentId: id }
              : inc.pending?.levelId
                ? { incidentId: id, levelId: inc.pending.levelId }
                : null
          }
          reasonRequired={false}
          onConfirm={(reason) =>
            post('approve', { ...(reason ? { reason } : {}), expectedVersion: inc.version })
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'reject' && (
        <ActionDialog
          title={t('reject')}
          preview={null}
          reasonRequired
          onConfirm={(reason) => post('reject', { reason, expectedVersion: inc.version })}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
