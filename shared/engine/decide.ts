/**
 * decide(plan, state, command, context) → events or a typed refusal. Pure: the time comes in as
 * `context.now`; nothing is read from a clock, a database or the network.
 */
import { MILESTONES, type Milestone, type Plan } from '../plans/schema.ts';
import { NOTES } from '../protocol/limits.ts';
import { apply } from './apply.ts';
import { assess } from './assess.ts';
import { canOperate, canSign, signerForChange, signerToLift } from './authority.ts';
import type {
  Actor,
  Command,
  Decision,
  IncidentEvent,
  IncidentState,
  RefusalCode,
  Task,
} from './incident.ts';
import { parseReadings, type Readings } from './readings.ts';
import { newlyOverdue, reconcileTasks } from './reconcile.ts';
import { levelById, milestoneOf } from './tiers.ts';
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
const ENGINE_MILESTONES: readonly Milestone[] = ['occurred', 'declared', 'terminated'];

const refuse = (code: RefusalCode, zh: string, en: string): Decision => ({
  ok: false,
  refusal: { code, message: { zh, en } },
});
const accept = (events: IncidentEvent[]): Decision => ({ ok: true, events });

const fold = (plan: Plan, state: IncidentState | null, events: IncidentEvent[]) => {
  const order = plan.levels.map((l) => l.id);
  return events.reduce<IncidentState | null>((s, e) => apply(s, e, order), state);
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

function levelName(plan: Plan, id: string | null) {
  return id === null ? '—' : (levelById(plan, id)?.name.zh ?? id);
}

function declare(
  plan: Plan,
  state: IncidentState | null,
  c: Extract<Command, { type: 'declare' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  if (state)
    return refuse('CONFLICT', `事件编号 ${c.incidentId} 已存在`, `Incident ${c.incidentId} already exists`);
  if (!canOperate(actor))
    return refuse(
      'FORBIDDEN',
      '只有值班员、办公室主任或总指挥可以发布响应',
      'Only duty officers, directors and commanders may declare',
    );
  if (c.planId !== plan.id)
    return refuse(
      'INVALID',
      `命令针对预案 ${c.planId}，不是 ${plan.id}`,
      `The command is for plan ${c.planId}, not ${plan.id}`,
    );
  const level = levelById(plan, c.levelId);
  if (!level)
    return refuse('INVALID', `本预案没有级别“${c.levelId}”`, `This plan has no level "${c.levelId}"`);
  const titleProblem = textProblem(c.title, ['事件名称', 'a title']);
  if (titleProblem) return titleProblem;
  let readings: Readings = {};
  if (c.readings && Object.keys(c.readings).length > 0) {
    const parsed = parseReadings(plan, c.readings);
    if (!parsed.ok)
      return refuse(
        'INVALID',
        parsed.problems.map((p) => p.zh).join('；'),
        parsed.problems.map((p) => p.en).join('; '),
      );
    readings = parsed.readings;
  }
  const recommended = Object.keys(readings).length > 0 ? assess(plan, readings).level : null;
  if (recommended !== null && recommended !== c.levelId && !c.reason?.trim()) {
    return refuse(
      'INVALID',
      `所选级别与研判建议（${levelName(plan, recommended)}）不同，请说明理由`,
      `The chosen level differs from the recommended ${recommended}; please give a reason`,
    );
  }
  const assignees = c.assignees ?? {};
  for (const [role, unitId] of Object.entries(assignees)) {
    const unit = plan.units.find((u) => u.id === role);
    if (!unit?.bindsTo?.includes(unitId)) {
      return refuse('INVALID', `“${role}”不能指定为“${unitId}”`, `"${role}" cannot be bound to "${unitId}"`);
    }
  }
  const occurredAt = c.occurredAt ?? now;
  if (occurredAt > now)
    return refuse('INVALID', '事发时间不能晚于现在', 'The time of occurrence cannot be in the future');
  const reason = c.reason?.trim() ?? '';
  const base = { incidentId: c.incidentId, at: now };
  const events: IncidentEvent[] = [
    {
      ...base,
      type: 'IncidentOpened',
      planId: plan.id,
      title: c.title.trim(),
      drill: c.drill ?? false,
      readings,
      recommended,
      assignees,
    },
    { ...base, type: 'MilestoneRecorded', milestone: 'occurred', time: occurredAt },
  ];
  const signer = level.declare.signer;
  if (signer !== null && !canSign(actor.role, signer)) {
    return accept([
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
    ]);
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
  return accept(withTasks(plan, null, events, now));
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

function taskGuard(state: IncidentState, taskId: string, actor: Actor): Decision | Task {
  // own properties only: "__proto__" or "constructor" must name no task
  const task = Object.hasOwn(state.tasks, taskId) ? state.tasks[taskId] : undefined;
  if (!task) return refuse('NOT_FOUND', `没有任务 ${taskId}`, `No task ${taskId}`);
  if (actor.role !== 'unit' || actor.unitId !== task.unitId) {
    return refuse('FORBIDDEN', '只能确认和报告本单位的任务', 'A unit may only act on its own tasks');
  }
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
  return task;
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
  state: IncidentState,
  c: Extract<Command, { type: 'acknowledge' | 'report' }>,
  ctx: DecideContext,
): Decision {
  const { actor, now } = ctx;
  const task = taskGuard(state, c.taskId, actor);
  if ('ok' in task) return task;
  const base = { incidentId: state.id, at: now, taskId: task.id };
  if (c.type === 'acknowledge') {
    // acknowledging twice is harmless: the first acknowledgement stands
    return accept(
      task.status === 'assigned' ? [{ ...base, type: 'TaskAcknowledged', by: actor.userId }] : [],
    );
  }
  if (task.status === 'done')
    return refuse('CONFLICT', '该任务已报告完成', 'This task is already reported done');
  const problem = textProblem(c.note, ['进展说明', 'a progress note']);
  if (problem) return problem;
  // the completion report is always accepted once: a full task must never stay recorded as undone
  const full = c.done ? null : notesFull(task, c.note.trim().length);
  if (full) return full;
  return accept([{ ...base, type: 'TaskReported', by: actor.userId, note: c.note.trim(), done: c.done }]);
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
  const used = plan.clocks.some((k) => milestoneOf(k) === c.milestone);
  if (!MILESTONES.includes(c.milestone) || ENGINE_MILESTONES.includes(c.milestone) || !used) {
    return refuse(
      'INVALID',
      `本预案不使用时间节点“${c.milestone}”`,
      `This plan has no milestone "${c.milestone}" to record`,
    );
  }
  if (state.status !== 'active')
    return refuse('PLAN_RULE', '事件不在响应中', 'The incident is not in response');
  if (state.milestones[c.milestone] !== undefined)
    return refuse('CONFLICT', '该时间节点已记录', 'That milestone is already recorded');
  if (!Number.isFinite(c.at) || c.at > now || c.at < state.openedAt) {
    return refuse(
      'INVALID',
      '时间节点应在事件开始之后、现在之前',
      'A milestone must fall between the incident’s start and now',
    );
  }
  return accept(
    withTasks(
      plan,
      state,
      [{ type: 'MilestoneRecorded', milestone: c.milestone, time: c.at, incidentId: state.id, at: now }],
      now,
    ),
  );
}

function tick(plan: Plan, state: IncidentState, ctx: DecideContext): Decision {
  if (ctx.actor.role !== 'system')
    return refuse('FORBIDDEN', '只有调度器可以推进时钟', 'Only the scheduler may tick');
  const events = state.status === 'active' ? reconcileTasks(plan, state, state.id, ctx.now) : [];
  const next = fold(plan, state, events) ?? state;
  return accept([...events, ...newlyOverdue(next, state.id, ctx.now)]);
}

export function decide(
  plan: Plan,
  state: IncidentState | null,
  command: Command,
  ctx: DecideContext,
): Decision {
  if (command.type === 'declare') return declare(plan, state, command, ctx);
  if (!state) return refuse('NOT_FOUND', '没有该事件', 'No such incident');
  if (state.planId !== plan.id)
    return refuse('INVALID', '事件与预案不符', 'The incident belongs to another plan');
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
    case 'acknowledge':
    case 'report':
      return onTask(state, command, ctx);
    case 'recordMilestone':
      return recordMilestone(plan, state, command, ctx);
    case 'tick':
      return tick(plan, state, ctx);
  }
}
