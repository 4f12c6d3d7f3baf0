/**
 * decide(plan, state, command, context) → events or a typed refusal. Pure: the time comes in as
 * `context.now`; nothing is read from a clock, a database or the network.
 */
import { MILESTONES, type Milestone, type Plan } from '../plans/schema.ts';
import { ATTACHMENTS, NOTES, REVIEW } from '../protocol/limits.ts';
import { apply, freshRun } from './apply.ts';
import { assess } from './assess.ts';
import { canOperate, canSign, signerForChange, signerToLift } from './authority.ts';
import {
  type Actor,
  type Command,
  type Binding,
  type Decision,
  type Opening,
  type IncidentEvent,
  type IncidentState,
  type RefusalCode,
  REVIEW_SECTIONS,
  type Task,
  isOpen,
} from './incident.ts';
import { MILESTONE_LEAD_MS, occurrenceClosed } from './occurrence.ts';
import { parseReadings, type Readings } from './readings.ts';
import { newlyOverdue, reconcileTasks } from './reconcile.ts';
import { ENGINE_MILESTONES, levelById, milestoneOf, planIndex } from './tiers.ts';
import { formatShanghai } from './time.ts';

export interface DecideContext {
  actor: Actor;
  now: number;
  /** the version the command was decided on; a stale one is refused */
  expectedVersion?: number;
}

const MAX_TEXT = 2000;
const SIGNER_NAME = {
  director: ['办公室主任', 'the office director'],
  commander: ['总指挥（指挥长）', 'the commander'],
} as const;

const refuse = (code: RefusalCode, zh: string, en: string): Decision => ({
  ok: false,
  refusal: { code, message: { zh, en } },
});
const accept = (events: IncidentEvent[]): Decision => ({ ok: true, events });

/** What `events` would make of `state` (a look ahead: the states made here are not kept). */
const fold = (plan: Plan, state: IncidentState | null, events: IncidentEvent[]) => {
  const order = planIndex(plan).levelOrder;
  const run = freshRun();
  return events.reduce<IncidentState | null>((s, e) => apply(s, e, order, run), state);
};

/** Appends the task events that follow from `events` (folded onto `state`). */
function withTasks(
  plan: Plan,
  state: IncidentState | null,
  events: IncidentEvent[],
  now: number,
): IncidentEvent[] {
  const next = fold(plan, state, events);
  return next ? [...events, ...reconcileTasks(plan, next, next.id, now)] : events;
}

function textProblem(value: string | undefined, what: [string, string]): Decision | null {
  const text = value?.trim() ?? '';
  if (text.length === 0) return refuse('INVALID', `请填写${what[0]}`, `Please give ${what[1]}`);
  if (text.length > MAX_TEXT) {
    return refuse(
      'INVALID',
      `${what[0]}不能超过 ${MAX_TEXT} 字`,
      `${what[1]} is limited to ${MAX_TEXT} characters`,
    );
  }
  return null;
}

function needsSignature(signer: 'director' | 'commander'): Decision {
  const [zh, en] = SIGNER_NAME[signer];
  return refuse('FORBIDDEN', `此事项须由${zh}签批`, `This needs the signature of ${en}`);
}

function levelName(plan: Plan, id: string | null, lang: 'zh' | 'en' = 'zh') {
  return id === null ? '—' : (levelById(plan, id)?.name[lang] ?? id);
}

/** The events of the first report (接报): the incident, when it happened, when it was reported. */
function opening(
  plan: Plan,
  c: Partial<Opening> & { incidentId: string },
  ctx: DecideContext,
): Decision | { events: IncidentEvent[]; recommended: string | null } {
  const { now } = ctx;
  if (c.planId !== plan.id)
    return refuse(
      'INVALID',
      `命令针对预案 ${c.planId}，不是 ${plan.id}`,
      `The command is for plan ${c.planId}, not ${plan.id}`,
    );
  const titleProblem = textProblem(c.title, ['事件名称', 'a title']);
  if (titleProblem) return titleProblem;
  if ((c.summary?.length ?? 0) > MAX_TEXT)
    return refuse(
      'INVALID',
      `接报内容不能超过 ${MAX_TEXT} 字`,
      `The report is limited to ${MAX_TEXT} characters`,
    );
  const assessed = graded(plan, c.readings);
  if ('ok' in assessed) return assessed;
  const assignees = c.assignees ?? {};
  for (const [role, unitId] of Object.entries(assignees)) {
    const problem = bindingProblem(plan, role, { unitId });
    if (problem) return problem;
  }
  const occurredAt = c.occurredAt ?? now;
  if (occurredAt > now)
    return refuse('INVALID', '事发时间不能晚于现在', 'The time of occurrence cannot be in the future');
  const known = Object.entries(c.milestones ?? {}) as [Milestone, number][];
  for (const [milestone, at] of known) {
    const problem = milestoneProblem(plan, milestone, at, now, now);
    if (problem) return problem;
  }
  const base = { incidentId: c.incidentId, at: now };
  return {
    recommended: assessed.recommended,
    events: [
      {
        ...base,
        type: 'IncidentOpened',
        planId: plan.id,
        title: c.title?.trim() ?? '',
        drill: c.drill ?? false,
        readings: assessed.readings,
        recommended: assessed.recommended,
        assignees,
        ...(c.summary?.trim() ? { summary: c.summary.trim() } : {}),
        ...(c.place ? { place: c.place } : {}),
        by: ctx.actor.userId,
      },
      // an occurrence nobody gave is not the report's time: the clocks need a start, the record says 未填写
      {
        ...base,
        type: 'MilestoneRecorded',
        milestone: 'occurred',
        time: occurredAt,
        ...(c.occurredAt === undefined ? { assumed: true as const } : {}),
      },
      { ...base, type: 'MilestoneRecorded', milestone: 'reported', time: now },
      // what the officer already knows at the report (the weather warning's time): its clocks run at once
      ...known.map(([milestone, time]) => ({ ...base, type: 'MilestoneRecorded' as const, milestone, time })),
    ],
  };
}

/** Readings checked against the plan's indicators, and the level they recommend (none without readings). */
function graded(
  plan: Plan,
  given: Readings | undefined,
): Decision | { readings: Readings; recommended: string | null } {
  if (!given || Object.keys(given).length === 0) return { readings: {}, recommended: null };
  const parsed = parseReadings(plan, given);
  if (!parsed.ok)
    return refuse(
      'INVALID',
      parsed.problems.map((p) => p.zh).join('；'),
      parsed.problems.map((p) => p.en).join('; '),
    );
  return { readings: parsed.readings, recommended: assess(plan, parsed.readings).level };
}

function openIncident(
  plan: Plan,
  state: IncidentState | null,
  c: Extract<Command, { type: 'open' }>,
  ctx: DecideContext,
): Decision {
  if (state)
    return refuse('CONFLICT', `事件编号 ${c.incidentId} 已存在`, `Incident ${c.incidentId} already exists`);
  if (!canOperate(ctx.actor))
    return refuse(
      'FORBIDDEN',
      '只有值班员、办公室主任或总指挥可以登记接报',
      'Only duty officers, directors and commanders may open an incident',
    );
  const opened = opening(plan, c, ctx);
  if ('ok' in opened) return opened;
  return accept(withTasks(plan, null, opened.events, ctx.now));
}

/**
 * Declares a level: on a new incident, report and declaration in one step; on an open one (reported, being
 * graded), with the readings as graded now.
 */
function declare(
  plan: Plan,
  state: IncidentState | null,
  c: Extract<Command, { type: 'declare' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  if (!canOperate(actor))
    return refuse(
      'FORBIDDEN',
      '只有值班员、办公室主任或总指挥可以发布响应',
      'Only duty officers, directors and commanders may declare',
    );
  if (state && state.status !== 'open') {
    return state.status === 'terminated'
      ? refuse('PLAN_RULE', '该事件已结束，不能再发布响应', 'The incident has ended; it cannot be declared')
      : refuse(
          'CONFLICT',
          state.status === 'proposed'
            ? '已有级别等待签批，请先签批、驳回或撤回'
            : '事件已在响应中，请调整级别',
          state.status === 'proposed'
            ? 'A level is already waiting for a signature; sign, reject or withdraw it first'
            : 'The incident is already in response; change its level instead',
        );
  }
  const level = levelById(plan, c.levelId);
  if (!level)
    return refuse('INVALID', `本预案没有级别“${c.levelId}”`, `This plan has no level "${c.levelId}"`);
  let events: IncidentEvent[];
  let recommended: string | null;
  if (state) {
    const assessed = graded(plan, c.readings);
    if ('ok' in assessed) return assessed;
    const regraded = Object.keys(assessed.readings).length > 0;
    recommended = regraded ? assessed.recommended : state.recommended;
    events = regraded ? [{ type: 'ReadingsAssessed', ...assessed, incidentId: state.id, at: now }] : [];
  } else {
    const opened = opening(plan, c, ctx);
    if ('ok' in opened) return opened;
    ({ events, recommended } = opened);
  }
  if (recommended !== null && recommended !== c.levelId && !c.reason?.trim()) {
    return refuse(
      'INVALID',
      `所选级别与研判建议（${levelName(plan, recommended)}）不同，请说明理由`,
      `The chosen level differs from the recommended one (${levelName(plan, recommended, 'en')}); please give a reason`,
    );
  }
  const reason = c.reason?.trim() ?? '';
  const base = { incidentId: state?.id ?? c.incidentId, at: now };
  const signer = level.declare.signer;
  if (signer !== null && !canSign(actor.role, signer)) {
    return accept(
      withTasks(
        plan,
        state,
        [
          ...events,
          {
            ...base,
            type: 'LevelProposed',
            kind: 'declare',
            levelId: level.id,
            signer,
            by: actor.userId,
            reason,
          },
        ],
        now,
      ),
    );
  }
  events.push(
    {
      ...base,
      type: 'LevelSet',
      levelId: level.id,
      by: actor.userId,
      signedBy: signer ? actor.userId : null,
      reason,
    },
    { ...base, type: 'MilestoneRecorded', milestone: 'declared', time: now },
  );
  return accept(withTasks(plan, state, events, now));
}

/** Whether `role` may be bound to `to`: a member unit the plan lists for it, or the kind of party it names. */
function bindingProblem(plan: Plan, role: string, to: Binding): Decision | null {
  const unit = plan.units.find((u) => u.id === role);
  if (!unit || unit.kind !== 'role')
    return refuse('INVALID', `“${role}”不是预案中需要指定的单位`, `"${role}" is not a role this plan names`);
  if ('unitId' in to) {
    return unit.bindsTo?.includes(to.unitId)
      ? null
      : refuse(
          'INVALID',
          `“${unit.name}”不能指定为“${to.unitId}”`,
          `"${unit.en}" cannot be bound to "${to.unitId}"`,
        );
  }
  if (unit.party !== to.party.kind)
    return refuse(
      'INVALID',
      `“${unit.name}”不能指定为此类外部单位`,
      `"${unit.en}" cannot be bound to a party of that kind`,
    );
  if (!to.party.name.trim() || !to.party.phone.trim())
    return refuse('INVALID', '请填写外部单位的名称和电话', 'Give the outside party’s name and phone');
  return null;
}

function bind(
  plan: Plan,
  state: IncidentState,
  c: Extract<Command, { type: 'bind' }>,
  ctx: DecideContext,
): Decision {
  if (!canOperate(ctx.actor))
    return refuse(
      'FORBIDDEN',
      '只有值班员、办公室主任或总指挥可以指定接收单位',
      'Only duty officers, directors and commanders may bind a role',
    );
  if (state.status === 'terminated' && !Object.values(state.tasks).some((t) => isOpen(t)))
    return refuse('PLAN_RULE', '该事件已结束，没有待办任务', 'The incident has ended with nothing owed');
  const problem = bindingProblem(plan, c.role, c.to);
  if (problem) return problem;
  const current =
    state.assignees[c.role] !== undefined ? { unitId: state.assignees[c.role] } : state.parties[c.role];
  if (current && JSON.stringify('party' in c.to ? c.to.party : c.to) === JSON.stringify(current))
    return accept([]);
  return accept(
    withTasks(
      plan,
      state,
      [
        {
          type: 'RoleBound',
          role: c.role,
          to: c.to,
          by: ctx.actor.userId,
          incidentId: state.id,
          at: ctx.now,
        },
      ],
      ctx.now,
    ),
  );
}

function inForce(
  plan: Plan,
  state: IncidentState,
  levelId: string,
  by: string,
  signedBy: string | null,
  reason: string,
  now: number,
): IncidentEvent[] {
  const base = { incidentId: state.id, at: now };
  const events: IncidentEvent[] = [{ ...base, type: 'LevelSet', levelId, by, signedBy, reason }];
  if (state.milestones.declared === undefined)
    events.push({ ...base, type: 'MilestoneRecorded', milestone: 'declared', time: now });
  return withTasks(plan, state, events, now);
}

function terminated(
  plan: Plan,
  state: IncidentState,
  by: string,
  signedBy: string | null,
  reason: string,
  now: number,
): IncidentEvent[] {
  const base = { incidentId: state.id, at: now };
  return withTasks(
    plan,
    state,
    [
      { ...base, type: 'Terminated', by, signedBy, reason },
      { ...base, type: 'MilestoneRecorded', milestone: 'terminated', time: now },
    ],
    now,
  );
}

/** What raising, lowering and terminating share: who may act, that the response is live, nothing pending. */
function liveResponseGuard(state: IncidentState, actor: Actor, what: [string, string]): Decision | null {
  if (!canOperate(actor)) {
    return refuse(
      'FORBIDDEN',
      `只有值班员、办公室主任或总指挥可以${what[0]}`,
      `Only duty officers, directors and commanders may ${what[1]}`,
    );
  }
  if (state.status !== 'active') {
    return refuse(
      'PLAN_RULE',
      `事件不在响应中，不能${what[0]}`,
      `The incident is not in response; you cannot ${what[1]}`,
    );
  }
  if (state.pending) {
    return refuse(
      'CONFLICT',
      '已有事项等待签批，请先签批或驳回',
      'Something is already waiting for a signature; approve or reject it first',
    );
  }
  return null;
}

function changeLevel(
  plan: Plan,
  state: IncidentState,
  c: Extract<Command, { type: 'changeLevel' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  const refused = liveResponseGuard(state, actor, ['调整级别', 'change the level']);
  if (refused) return refused;
  if (!levelById(plan, c.levelId))
    return refuse('INVALID', `本预案没有级别“${c.levelId}”`, `This plan has no level "${c.levelId}"`);
  if (c.levelId === state.level)
    return refuse(
      'INVALID',
      `当前已是${levelName(plan, c.levelId)}`,
      `The incident is already at ${c.levelId}`,
    );
  const problem = textProblem(c.reason, ['调整理由', 'a reason']);
  if (problem) return problem;
  const signer = signerForChange(plan, state.level, c.levelId);
  if (signer !== null && !canSign(actor.role, signer)) {
    return accept([
      {
        type: 'LevelProposed',
        kind: 'change',
        levelId: c.levelId,
        signer,
        by: actor.userId,
        reason: c.reason.trim(),
        incidentId: state.id,
        at: now,
      },
    ]);
  }
  return accept(
    inForce(plan, state, c.levelId, actor.userId, signer ? actor.userId : null, c.reason.trim(), now),
  );
}

function terminate(
  plan: Plan,
  state: IncidentState,
  c: Extract<Command, { type: 'terminate' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  if (state.status === 'open' && canOperate(actor)) {
    // reported and graded, no response started: closing it (结案) needs no signature, only a reason
    const problem = textProblem(c.reason, ['结案理由', 'a reason']);
    if (problem) return problem;
    return accept(terminated(plan, state, actor.userId, null, c.reason.trim(), now));
  }
  const refused = liveResponseGuard(state, actor, ['终止响应', 'end the response']);
  if (refused) return refused;
  if (!state.level) return refuse('PLAN_RULE', '事件不在响应中，无需终止', 'The incident is not in response');
  const problem = textProblem(c.reason, ['终止理由', 'a reason']);
  if (problem) return problem;
  const signer = signerToLift(plan, state.level);
  if (signer !== null && !canSign(actor.role, signer)) {
    return accept([
      {
        type: 'TerminationProposed',
        signer,
        by: actor.userId,
        reason: c.reason.trim(),
        incidentId: state.id,
        at: now,
      },
    ]);
  }
  return accept(terminated(plan, state, actor.userId, signer ? actor.userId : null, c.reason.trim(), now));
}

function sign(
  plan: Plan,
  state: IncidentState,
  c: Extract<Command, { type: 'approve' | 'reject' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  // a role that signs nothing is refused as such, whatever waits (a commander may sign the director's part)
  if (!canSign(actor.role, 'director'))
    return refuse(
      'FORBIDDEN',
      '只有办公室主任或总指挥可以签批',
      'Only the office director or the commander signs',
    );
  const pending = state.pending;
  if (!pending) return refuse('CONFLICT', '没有等待签批的事项', 'Nothing is waiting for a signature');
  if (!canSign(actor.role, pending.signer)) return needsSignature(pending.signer);
  if (c.type === 'reject') {
    const problem = textProblem(c.reason, ['驳回理由', 'a reason for rejecting']);
    if (problem) return problem;
    return accept([
      { type: 'ProposalRejected', by: actor.userId, reason: c.reason.trim(), incidentId: state.id, at: now },
    ]);
  }
  if (pending.kind === 'terminate')
    return accept(terminated(plan, state, pending.by, actor.userId, pending.reason, now));
  return accept(inForce(plan, state, pending.levelId ?? '', pending.by, actor.userId, pending.reason, now));
}

function withdraw(
  state: IncidentState,
  c: Extract<Command, { type: 'withdraw' }>,
  ctx: DecideContext,
): Decision {
  // only the roles that propose may withdraw: anyone else is refused as such, whatever waits
  if (!canOperate(ctx.actor))
    return refuse('FORBIDDEN', '只有提出人可以撤回', 'Only whoever proposed it may withdraw it');
  const pending = state.pending;
  if (!pending) return refuse('CONFLICT', '没有等待签批的事项', 'Nothing is waiting for a signature');
  if (pending.by !== ctx.actor.userId)
    return refuse('FORBIDDEN', '只有提出人可以撤回', 'Only whoever proposed it may withdraw it');
  if ((c.reason?.length ?? 0) > MAX_TEXT)
    return refuse(
      'INVALID',
      `撤回理由不能超过 ${MAX_TEXT} 字`,
      `The reason is limited to ${MAX_TEXT} characters`,
    );
  return accept([
    {
      type: 'ProposalWithdrawn',
      by: ctx.actor.userId,
      reason: c.reason?.trim() ?? '',
      incidentId: state.id,
      at: ctx.now,
    },
  ]);
}

/**
 * Who may record on a task: the unit that owes it, or — for a role held by an outside party, which has no
 * account — staff on the party's behalf. An unbound role's task reaches no one until it is bound.
 */
function taskGuard(
  plan: Plan,
  state: IncidentState,
  taskId: string,
  actor: Actor,
): Decision | { task: Task; onBehalfOf?: string } {
  // own properties only: "__proto__" or "constructor" must name no task
  const task = Object.hasOwn(state.tasks, taskId) ? state.tasks[taskId] : undefined;
  if (!task) return refuse('NOT_FOUND', `没有任务 ${taskId}`, `No task ${taskId}`);
  const party = Object.hasOwn(state.parties, task.unitId) ? state.parties[task.unitId] : undefined;
  const own = actor.role === 'unit' && actor.unitId === task.unitId;
  if (!own && !(party && canOperate(actor))) {
    if (canOperate(actor) && plan.units.some((u) => u.id === task.unitId && u.kind === 'role'))
      return refuse(
        'PLAN_RULE',
        '该任务尚无接收单位，请先在事件页指定',
        'This task reaches no one yet; bind its role on the incident page first',
      );
    return refuse('FORBIDDEN', '只能确认和报告本单位的任务', 'A unit may only act on its own tasks');
  }
  if (task.status === 'moved')
    return refuse(
      'PLAN_RULE',
      '该任务已转交新的接收单位，无需处理',
      'This task moved to another holder when its role was rebound',
    );
  if (task.status === 'stoodDown')
    return refuse(
      'PLAN_RULE',
      '该任务已因级别调整撤销，无需处理',
      'This task was stood down when the level changed',
    );
  if (task.status === 'closed' || (state.status === 'terminated' && task.phase === 'response')) {
    const at = state.history.at(-1)?.at;
    return refuse(
      'PLAN_RULE',
      `该事件的响应已于 ${at ? formatShanghai(at) : '此前'} 终止，响应任务已关闭`,
      `The response ended${at ? ` at ${formatShanghai(at)} (Asia/Shanghai)` : ''}; its tasks are closed`,
    );
  }
  return party ? { task, onBehalfOf: party.name } : { task };
}

/**
 * A task keeps at most NOTES.perTask progress reports of NOTES.charsPerTask characters in all: every note
 * lives in the state, its snapshots and its log, so an unbounded stream would grow them without end. The
 * refusal says what to do instead, in words a duty officer can pass on.
 */
function notesFull(task: Task, length: number): Decision | null {
  if (task.notes.length >= NOTES.perTask) {
    return refuse(
      'CONFLICT',
      `该任务的进展报告已达 ${NOTES.perTask} 条上限，请在完成报告中汇总`,
      `This task already holds ${NOTES.perTask} progress reports, the most it keeps; summarise the rest in the completion report`,
    );
  }
  const used = task.notes.reduce((sum, n) => sum + n.text.length, 0);
  if (used + length > NOTES.charsPerTask) {
    const left = Math.max(0, NOTES.charsPerTask - used);
    return refuse(
      'CONFLICT',
      `该任务的进展报告已达 ${NOTES.charsPerTask} 字上限（尚余 ${left} 字，本条 ${length} 字），请精简或在完成报告中汇总`,
      `This task’s progress reports are limited to ${NOTES.charsPerTask} characters in all (${left} left, this one has ${length}); shorten it or summarise in the completion report`,
    );
  }
  return null;
}

function onTask(
  plan: Plan,
  state: IncidentState,
  c: Extract<Command, { type: 'acknowledge' | 'report' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  const guarded = taskGuard(plan, state, c.taskId, actor);
  if ('ok' in guarded) return guarded;
  const { task } = guarded;
  const base = {
    incidentId: state.id,
    at: now,
    taskId: task.id,
    ...(guarded.onBehalfOf !== undefined ? { onBehalfOf: guarded.onBehalfOf } : {}),
  };
  if (c.type === 'acknowledge') {
    // acknowledging twice is harmless: the first acknowledgement stands
    return accept(
      task.status === 'assigned' ? [{ ...base, type: 'TaskAcknowledged', by: actor.userId }] : [],
    );
  }
  if (task.status === 'done')
    return refuse('CONFLICT', '该任务已报告完成', 'This task is already reported done');
  // a report that is an attached file may say nothing more: the file is the report
  const problem =
    c.attachment && c.note.trim() === '' ? null : textProblem(c.note, ['进展说明', 'a progress note']);
  if (problem) return problem;
  // the completion report is always accepted once: a full task must never stay recorded as undone
  const full = c.done ? null : notesFull(task, c.note.trim().length);
  if (full) return full;
  if (c.attachment) {
    const attached = task.notes.filter((n) => n.attachment).length;
    if (attached >= ATTACHMENTS.perTask)
      return refuse(
        'CONFLICT',
        `该任务已有 ${ATTACHMENTS.perTask} 个附件，已达上限`,
        `This task already holds ${ATTACHMENTS.perTask} attachments, the most it keeps`,
      );
  }
  return accept([
    {
      ...base,
      type: 'TaskReported',
      by: actor.userId,
      note: c.note.trim(),
      done: c.done,
      ...(c.attachment ? { attachment: c.attachment } : {}),
    },
  ]);
}

const SECTION_NAME = {
  lessons: ['经验', 'lessons'],
  problems: ['问题', 'problems'],
  suggestions: ['改进建议', 'suggestions'],
} as const;

/**
 * 总结评估: the office writes its sections once the response has ended (the plans ask for the summary after
 * it: 扫雪除冰 6.4, 发电企业 6.3, 重污染天气 六(二)), until the director or commander signs it off.
 */
function review(
  state: IncidentState,
  c: Extract<Command, { type: 'writeReview' | 'signReview' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  if (!canOperate(actor))
    return refuse(
      'FORBIDDEN',
      '只有值班员、办公室主任或总指挥可以撰写和签发总结评估',
      'Only duty officers, directors and commanders may write and sign the review',
    );
  if (state.status !== 'terminated')
    return refuse(
      'PLAN_RULE',
      '响应结束后才能撰写总结评估',
      'The review is written once the response has ended',
    );
  const signed = state.review?.signedAt;
  if (signed !== undefined && signed !== null)
    return refuse(
      'CONFLICT',
      `总结评估已于 ${formatShanghai(signed)} 签发，不能再修改`,
      `The review was signed off at ${formatShanghai(signed)} (Asia/Shanghai); it no longer changes`,
    );
  const base = { incidentId: state.id, at: now, by: actor.userId };
  if (c.type === 'signReview') {
    if (!canSign(actor.role, 'director'))
      return refuse(
        'FORBIDDEN',
        '总结评估须由办公室主任或总指挥签发',
        'The review is signed off by the office director or the commander',
      );
    const missing = REVIEW_SECTIONS.filter((s) => !state.review?.sections[s]);
    if (missing.length > 0)
      return refuse(
        'PLAN_RULE',
        `请先填写：${missing.map((s) => SECTION_NAME[s][0]).join('、')}（无则写“无”）`,
        `Write these first: ${missing.map((s) => SECTION_NAME[s][1]).join(', ')} (write "none" if there are none)`,
      );
    return accept([{ ...base, type: 'ReviewSigned' }]);
  }
  if (!(REVIEW_SECTIONS as readonly string[]).includes(c.section))
    return refuse('INVALID', `没有“${c.section}”这一部分`, `The review has no section "${c.section}"`);
  const [zh, en] = SECTION_NAME[c.section];
  const text = c.text.trim();
  if (text.length === 0) return refuse('INVALID', `请填写${zh}`, `Please write the ${en}`);
  if (text.length > REVIEW.charsPerSection)
    return refuse(
      'INVALID',
      `${zh}不能超过 ${REVIEW.charsPerSection} 字（本次 ${text.length} 字）`,
      `The ${en} are limited to ${REVIEW.charsPerSection} characters (this has ${text.length})`,
    );
  const current = state.review?.sections[c.section];
  if (current?.text === text) return accept([]);
  if ((current?.edits ?? 0) >= REVIEW.editsPerSection)
    return refuse(
      'CONFLICT',
      `${zh}已修改 ${REVIEW.editsPerSection} 次，已达上限；请签发或联系管理员`,
      `The ${en} have been rewritten ${REVIEW.editsPerSection} times, the most kept; sign the review off or ask an administrator`,
    );
  return accept([{ ...base, type: 'ReviewWritten', section: c.section, text }]);
}

/**
 * A milestone the duty officer records (at the report or later) must be one the plan's clocks wait for, and
 * fall before now and at most a week before the report: a warning may precede it (a weather warning the
 * evening before).
 */
function milestoneProblem(
  plan: Plan,
  milestone: Milestone,
  at: number,
  reportedAt: number,
  now: number,
): Decision | null {
  const used = plan.clocks.some((k) => milestoneOf(k) === milestone);
  if (!MILESTONES.includes(milestone) || ENGINE_MILESTONES.includes(milestone) || !used) {
    return refuse(
      'INVALID',
      `本预案不使用时间节点“${milestone}”`,
      `This plan has no milestone "${milestone}" to record`,
    );
  }
  if (!Number.isFinite(at) || at > now || at < reportedAt - MILESTONE_LEAD_MS) {
    return refuse(
      'INVALID',
      '时间节点应在接报前 7 天之内、现在之前',
      'A milestone must fall between a week before the report and now',
    );
  }
  return null;
}

function recordMilestone(
  plan: Plan,
  state: IncidentState,
  c: Extract<Command, { type: 'recordMilestone' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  if (!canOperate(actor))
    return refuse(
      'FORBIDDEN',
      '只有值班员、办公室主任或总指挥可以记录时间节点',
      'Only duty officers, directors and commanders may record milestones',
    );
  if (c.milestone === 'occurred') return giveOccurrence(state, c, now);
  const problem = milestoneProblem(plan, c.milestone, c.at, state.openedAt, now);
  if (problem) return problem;
  if (state.status === 'terminated') return refuse('PLAN_RULE', '事件已结束', 'The incident has ended');
  if (state.milestones[c.milestone] !== undefined)
    return refuse('CONFLICT', '该时间节点已记录', 'That milestone is already recorded');
  return accept(
    withTasks(
      plan,
      state,
      [{ type: 'MilestoneRecorded', milestone: c.milestone, time: c.at, incidentId: state.id, at: now }],
      now,
    ),
  );
}

/**
 * The time of occurrence, learnt after the report that did not give it (the record said 未填写). Given once,
 * before the report and within a week of it, until the 总结评估 is signed (and at most a month after the
 * end). It is the record's time only: the clocks keep the report's time they ran from, so no deadline, then
 * or later, moves; they are what the office worked to, and the record keeps both times.
 */
function giveOccurrence(
  state: IncidentState,
  c: Extract<Command, { type: 'recordMilestone' }>,
  now: number,
): Decision {
  const closed = occurrenceClosed(state, now);
  if (closed) return refuse(closed.code, closed.zh, closed.en);
  const reportedAt = state.milestones.reported ?? state.openedAt;
  if (!Number.isFinite(c.at) || c.at > reportedAt || c.at < reportedAt - MILESTONE_LEAD_MS)
    return refuse(
      'INVALID',
      '事发时间应在接报之前、接报前 7 天之内',
      'The time of occurrence must fall before the report, within a week of it',
    );
  return accept([
    {
      type: 'MilestoneRecorded',
      milestone: 'occurred',
      time: c.at,
      learnt: true,
      incidentId: state.id,
      at: now,
    },
  ]);
}

function tick(plan: Plan, state: IncidentState, ctx: DecideContext): Decision {
  if (ctx.actor.role !== 'system')
    return refuse('FORBIDDEN', '只有调度器可以推进时钟', 'Only the scheduler may tick');
  const events = state.status !== 'terminated' ? reconcileTasks(plan, state, state.id, ctx.now) : [];
  const next = fold(plan, state, events) ?? state;
  return accept([...events, ...newlyOverdue(next, state.id, ctx.now)]);
}

export function decide(
  plan: Plan,
  state: IncidentState | null,
  command: Command,
  ctx: DecideContext,
): Decision {
  if (command.type === 'open') return openIncident(plan, state, command, ctx);
  if (command.type === 'declare') return declare(plan, state, command, ctx);
  if (!state) return refuse('NOT_FOUND', '没有该事件', 'No such incident');
  if (state.planId !== plan.id)
    return refuse('INVALID', '事件与预案不符', 'The incident belongs to another plan');
  // a role that may never give this command is told so before anything about the incident (its version)
  const operatorOnly = ['changeLevel', 'terminate', 'withdraw', 'bind', 'recordMilestone'];
  if (operatorOnly.includes(command.type) && !canOperate(ctx.actor))
    return refuse(
      'FORBIDDEN',
      '只有值班员、办公室主任或总指挥可以处置事件',
      'Only duty officers, directors and commanders may act on an incident',
    );
  if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== state.version) {
    return refuse(
      'CONFLICT',
      `事件已被他人更新（版本 ${state.version}，你看到的是 ${ctx.expectedVersion}），请刷新后重试`,
      `The incident changed (version ${state.version}, you saw ${ctx.expectedVersion}); reload and try again`,
    );
  }
  switch (command.type) {
    case 'approve':
    case 'reject':
      return sign(plan, state, command, ctx);
    case 'changeLevel':
      return changeLevel(plan, state, command, ctx);
    case 'terminate':
      return terminate(plan, state, command, ctx);
    case 'withdraw':
      return withdraw(state, command, ctx);
    case 'bind':
      return bind(plan, state, command, ctx);
    case 'acknowledge':
    case 'report':
      return onTask(plan, state, command, ctx);
    case 'recordMilestone':
      return recordMilestone(plan, state, command, ctx);
    case 'tick':
      return tick(plan, state, ctx);
    case 'writeReview':
    case 'signReview':
      return review(state, command, ctx);
  }
}
