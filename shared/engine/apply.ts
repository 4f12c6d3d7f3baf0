/** apply(state, event) → state: a pure fold. Replaying a log rebuilds any past moment of an incident. */
import type { Milestone } from '../plans/schema.ts';
import { type IncidentEvent, type IncidentState, isOpen, type Task } from './incident.ts';

/**
 * The task maps a caller made through `apply` in one run of folds (a batch of commands, a packet of facts),
 * which no one else holds yet: `apply` may write into those instead of copying them again. Copying a map of
 * 150+ tasks for every acknowledgement was most of what a fold cost; a run now copies each incident's map
 * once. The states a caller gave in are never written to: only maps `apply` itself made in this run are.
 */
export type Fresh = WeakSet<Record<string, Task>>;
export const freshRun = (): Fresh => new WeakSet();

/** The state's task map, to be changed: its own copy, made once per run. */
function writable(state: IncidentState, fresh: Fresh | undefined): Record<string, Task> {
  if (fresh?.has(state.tasks)) return state.tasks;
  const copy = { ...state.tasks };
  fresh?.add(copy);
  return copy;
}

/** The state with one task changed; in a run, into the run's own copy of the task map (Fresh). */
export function updateTask(
  state: IncidentState,
  id: string,
  change: (t: Task) => Task,
  fresh: Fresh | undefined,
): IncidentState {
  const task = state.tasks[id];
  if (!task) return state;
  const tasks = writable(state, fresh);
  tasks[id] = change(task);
  return { ...state, tasks };
}

/** A task assigned again keeps its note history (and, in a client's copy, how many notes it holds). */
function keptNotes(previous: Task | undefined): Pick<Task, 'notes' | 'noteCount'> {
  return {
    notes: previous?.notes ?? [],
    ...(previous?.noteCount !== undefined ? { noteCount: previous.noteCount } : {}),
  };
}

function higher(a: string | null, b: string, order: readonly string[]): string {
  return a === null || order.indexOf(b) > order.indexOf(a) ? b : a;
}

/**
 * `levelOrder` is the plan's level ids, lowest first; it is the only thing apply needs from the plan, to
 * keep the highest level reached. `fresh`: see Fresh; a state folded in a run must not be kept aside while
 * the run goes on (a later fold of the same run may write into its task map).
 */
export function apply(
  state: IncidentState | null,
  event: IncidentEvent,
  levelOrder: readonly string[],
  fresh?: Fresh,
): IncidentState {
  if (event.type === 'IncidentOpened') {
    return {
      id: event.incidentId,
      planId: event.planId,
      title: event.title,
      drill: event.drill,
      status: 'open',
      level: null,
      highestLevel: null,
      pending: null,
      version: 1,
      openedAt: event.at,
      createdBy: event.by ?? null,
      place: event.place ?? null,
      summary: event.summary ?? '',
      readings: event.readings,
      recommended: event.recommended,
      assignees: event.assignees,
      parties: {},
      milestones: {},
      tasks: {},
      history: [],
    };
  }
  if (!state) throw new Error(`event ${event.type} before IncidentOpened`);
  const s = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ReadingsAssessed':
      return { ...s, readings: event.readings, recommended: event.recommended };
    case 'LevelProposed':
      return {
        ...s,
        status: s.status === 'open' ? 'proposed' : s.status,
        pending: {
          kind: event.kind,
          levelId: event.levelId,
          signer: event.signer,
          by: event.by,
          reason: event.reason,
          at: event.at,
        },
      };
    case 'TerminationProposed':
      return {
        ...s,
        pending: {
          kind: 'terminate',
          levelId: null,
          signer: event.signer,
          by: event.by,
          reason: event.reason,
          at: event.at,
        },
      };
    case 'ProposalRejected':
    case 'ProposalWithdrawn':
      // a first level turned down or taken back leaves the incident reported and still being graded
      return { ...s, pending: null, status: s.status === 'proposed' ? 'open' : s.status };
    case 'RoleBound': {
      const assignees = { ...s.assignees };
      const parties = { ...s.parties };
      delete assignees[event.role];
      delete parties[event.role];
      if ('unitId' in event.to) {
        assignees[event.role] = event.to.unitId;
        return { ...s, assignees, parties };
      }
      const party = event.to.party;
      parties[event.role] = party;
      // the role's open tasks are now the party's (staff act for it); what is done or closed keeps its holder
      const tasks = writable(s, fresh);
      for (const [id, t] of Object.entries(tasks))
        if (t.unitId === event.role && isOpen(t)) tasks[id] = { ...t, party };
      return { ...s, assignees, parties, tasks };
    }
    case 'TasksMoved': {
      const tasks = writable(s, fresh);
      for (const { from, to } of event.moves) {
        const old = tasks[from];
        if (old) tasks[from] = { ...old, status: 'moved', closedAt: event.at, movedTo: to.id };
        tasks[to.id] = { ...to, status: 'assigned', assignedAt: event.at, ...keptNotes(tasks[to.id]) };
      }
      return { ...s, tasks };
    }
    case 'LevelSet':
      return {
        ...s,
        status: 'active',
        pending: null,
        level: event.levelId,
        highestLevel: higher(s.highestLevel, event.levelId, levelOrder),
        history: [
          ...s.history,
          {
            at: event.at,
            from: s.level,
            to: event.levelId,
            by: event.by,
            signedBy: event.signedBy,
            reason: event.reason,
          },
        ],
      };
    case 'Terminated': {
      const tasks: Record<string, Task> = {};
      for (const [id, t] of Object.entries(s.tasks)) {
        tasks[id] = t.phase === 'response' && isOpen(t) ? { ...t, status: 'closed', closedAt: event.at } : t;
      }
      return {
        ...s,
        status: 'terminated',
        pending: null,
        tasks,
        history: [
          ...s.history,
          {
            at: event.at,
            from: s.level,
            to: null,
            by: event.by,
            signedBy: event.signedBy,
            reason: event.reason,
          },
        ],
      };
    }
    case 'MilestoneRecorded': {
      if (event.learnt)
        return { ...s, learntMilestones: { ...s.learntMilestones, [event.milestone]: event.time } };
      const others = (s.assumedMilestones ?? []).filter((m) => m !== event.milestone);
      const assumed = event.assumed || reportTimeOccurrence(s, event) ? [...others, event.milestone] : others;
      const next: IncidentState = { ...s, milestones: { ...s.milestones, [event.milestone]: event.time } };
      // kept only while one is assumed, so a record without any looks as it always did
      if (assumed.length) next.assumedMilestones = assumed;
      else delete next.assumedMilestones;
      return next;
    }
    case 'TasksAssigned': {
      const tasks = writable(s, fresh);
      for (const spec of event.tasks) {
        const previous = tasks[spec.id];
        // a task assigned again (the level went down and up) starts afresh but keeps its note history
        const party = Object.hasOwn(s.parties, spec.unitId) ? s.parties[spec.unitId] : undefined;
        tasks[spec.id] = {
          ...spec,
          status: 'assigned',
          assignedAt: event.at,
          ...keptNotes(previous),
          ...(party ? { party } : {}),
        };
      }
      return { ...s, tasks };
    }
    case 'TasksStoodDown': {
      // one copy of the map for the whole event, however many tasks it stands down
      const run = fresh ?? freshRun();
      let next: IncidentState = s;
      for (const id of event.taskIds)
        next = updateTask(next, id, (t) => ({ ...t, status: 'stoodDown', closedAt: event.at }), run);
      return next;
    }
    case 'TaskAcknowledged':
      return updateTask(
        s,
        event.taskId,
        (t) => ({ ...t, status: 'acknowledged', acknowledgedAt: event.at }),
        fresh,
      );
    case 'TaskReported':
      return updateTask(
        s,
        event.taskId,
        (t) => ({
          ...t,
          status: event.done ? 'done' : 'inProgress',
          acknowledgedAt: t.acknowledgedAt ?? event.at,
          ...(event.done ? { doneAt: event.at } : {}),
          ...(t.noteCount !== undefined ? { noteCount: t.noteCount + 1 } : {}),
          // a copy per report is cheap because decide bounds the notes (NOTES in shared/protocol/limits.ts);
          // a log written before the bound still replays whole: apply refuses nothing
          notes: [
            ...t.notes,
            {
              at: event.at,
              by: event.by,
              text: event.note,
              ...(event.onBehalfOf !== undefined ? { onBehalfOf: event.onBehalfOf } : {}),
              ...(event.attachment !== undefined ? { attachment: event.attachment } : {}),
            },
          ],
        }),
        fresh,
      );
    case 'TaskOverdue':
      return updateTask(s, event.taskId, (t) => ({ ...t, overdueAt: event.at }), fresh);
    case 'ReviewWritten': {
      const review = s.review ?? { sections: {}, signedBy: null, signedAt: null };
      const edits = (review.sections[event.section]?.edits ?? 0) + 1;
      const section = { text: event.text, by: event.by, at: event.at, edits };
      return { ...s, review: { ...review, sections: { ...review.sections, [event.section]: section } } };
    }
    case 'ReviewSigned': {
      const review = s.review ?? { sections: {}, signedBy: null, signedAt: null };
      return { ...s, review: { ...review, signedBy: event.by, signedAt: event.at } };
    }
  }
}

/**
 * Logs written before `assumed` existed recorded an occurrence nobody gave as the report's very instant
 * (the officer's own times are whole minutes): read as assumed, so old records say 未填写 too.
 */
function reportTimeOccurrence(s: IncidentState, e: { milestone: Milestone; time: number }): boolean {
  return e.milestone === 'occurred' && e.time === s.openedAt && s.milestones.occurred === undefined;
}

/**
 * A state saved (as a snapshot) by an earlier version of the engine, brought to today's shape: states
 * before 接报 and role binding had no `summary` or `parties`, and a first level turned down was `rejected`
 * (today the incident stays `open`, being graded). The log itself needs no upgrade: `apply` reads old events.
 */
export function upgradeState(saved: IncidentState): IncidentState {
  const old = saved as Omit<IncidentState, 'status' | 'summary' | 'parties' | 'place' | 'createdBy'> &
    Partial<Pick<IncidentState, 'summary' | 'parties' | 'place' | 'createdBy'>> & {
      status: IncidentState['status'] | 'rejected';
    };
  // tasks closed by a termination before `closedAt` was recorded: closed when the response ended
  const ended = old.history.findLast((h) => h.to === null)?.at;
  const tasks =
    ended === undefined ||
    !Object.values(old.tasks).some((t) => t.status === 'closed' && t.closedAt === undefined)
      ? old.tasks
      : Object.fromEntries(
          Object.entries(old.tasks).map(([id, t]) => [
            id,
            t.status === 'closed' && t.closedAt === undefined ? { ...t, closedAt: ended } : t,
          ]),
        );
  // a snapshot from before `assumed`: the same reading as reportTimeOccurrence
  const assumed =
    old.assumedMilestones === undefined && old.milestones.occurred === old.openedAt
      ? { assumedMilestones: ['occurred' as const] }
      : {};
  return {
    ...old,
    ...assumed,
    tasks,
    place: old.place ?? null,
    createdBy: old.createdBy ?? null,
    summary: old.summary ?? '',
    parties: old.parties ?? {},
    status: old.status === 'rejected' ? 'open' : old.status,
  };
}

/** Folds a whole log. */
export function replay(
  events: readonly IncidentEvent[],
  levelOrder: readonly string[],
): IncidentState | null {
  return events.reduce<IncidentState | null>((s, e) => apply(s, e, levelOrder), null);
}
