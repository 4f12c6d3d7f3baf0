/** apply(state, event) → state: a pure fold. Replaying a log rebuilds any past moment of an incident. */
import { type IncidentEvent, type IncidentState, isOpen, type Task } from './incident.ts';

function withTask(state: IncidentState, id: string, change: (t: Task) => Task): IncidentState {
  const task = state.tasks[id];
  return task ? { ...state, tasks: { ...state.tasks, [id]: change(task) } } : state;
}

function higher(a: string | null, b: string, order: readonly string[]): string {
  return a === null || order.indexOf(b) > order.indexOf(a) ? b : a;
}

/**
 * `levelOrder` is the plan's level ids, lowest first; it is the only thing apply needs from the plan, to
 * keep the highest level reached.
 */
export function apply(
  state: IncidentState | null,
  event: IncidentEvent,
  levelOrder: readonly string[],
): IncidentState {
  if (event.type === 'IncidentOpened') {
    return {
      id: event.incidentId,
      planId: event.planId,
      title: event.title,
      drill: event.drill,
      status: 'proposed',
      level: null,
      highestLevel: null,
      pending: null,
      version: 1,
      openedAt: event.at,
      readings: event.readings,
      recommended: event.recommended,
      assignees: event.assignees,
      milestones: {},
      tasks: {},
      history: [],
    };
  }
  if (!state) throw new Error(`event ${event.type} before IncidentOpened`);
  const s = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'LevelProposed':
      return {
        ...s,
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
      return { ...s, pending: null, status: s.status === 'proposed' ? 'rejected' : s.status };
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
        tasks[id] = t.phase === 'response' && isOpen(t) ? { ...t, status: 'closed' } : t;
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
    case 'MilestoneRecorded':
      return { ...s, milestones: { ...s.milestones, [event.milestone]: event.time } };
    case 'TasksAssigned': {
      const tasks = { ...s.tasks };
      for (const spec of event.tasks) {
        const previous = tasks[spec.id];
        tasks[spec.id] = { ...spec, status: 'assigned', assignedAt: event.at, notes: previous?.notes ?? [] };
      }
      return { ...s, tasks };
    }
    case 'TasksStoodDown': {
      let next: IncidentState = s;
      for (const id of event.taskIds) next = withTask(next, id, (t) => ({ ...t, status: 'stoodDown' }));
      return next;
    }
    case 'TaskAcknowledged':
      return withTask(s, event.taskId, (t) => ({ ...t, status: 'acknowledged', acknowledgedAt: event.at }));
    case 'TaskReported':
      return withTask(s, event.taskId, (t) => ({
        ...t,
        status: event.done ? 'done' : 'inProgress',
        acknowledgedAt: t.acknowledgedAt ?? event.at,
        ...(event.done ? { doneAt: event.at } : {}),
        // a copy per report is cheap because decide bounds the notes (NOTES in shared/protocol/limits.ts);
        // a log written before the bound still replays whole: apply refuses nothing
        notes: [...t.notes, { at: event.at, by: event.by, text: event.note }],
      }));
    case 'TaskOverdue':
      return withTask(s, event.taskId, (t) => ({ ...t, overdueAt: event.at }));
  }
}

/** Folds a whole log. */
export function replay(
  events: readonly IncidentEvent[],
  levelOrder: readonly string[],
): IncidentState | null {
  return events.reduce<IncidentState | null>((s, e) => apply(s, e, levelOrder), null);
}
