/**
 * Who may see what. Staff roles see every fact. A unit sees the incidents of the plans it serves (their
 * level, proposals, termination) and, of the tasks, only its own: a task's owner is the unit part of its
 * id ("action@unit[@day]"), so the rule needs no state.
 */
import type { IncidentEvent, IncidentState, Task } from '../../shared/engine/incident.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Fact } from '../../shared/protocol/live.ts';
import { isStaff, type Viewer } from '../../shared/views/viewer.ts';
import { taskOwner } from '../../shared/engine/taskId.ts';
import { withRecentNotes } from '../../shared/views/fold.ts';

export { isStaff, type Viewer };

const concerned = new Map<string, Set<string>>();
/** The real units a plan can task: its member units and every unit a role of it can be bound to. */
export function unitsOfPlan(planId: string): Set<string> {
  let units = concerned.get(planId);
  if (!units) {
    const plan = planById(planId);
    units = new Set(plan?.units.flatMap((u) => (u.kind === 'role' ? (u.bindsTo ?? []) : [u.id])) ?? []);
    concerned.set(planId, units);
  }
  return units;
}

export { taskOwner };

export function canSeeIncident(viewer: Viewer, planId: string): boolean {
  return isStaff(viewer) || (viewer.unitId !== null && unitsOfPlan(planId).has(viewer.unitId));
}

/**
 * The task if `viewer` may see it: staff see every task, a unit its own in an incident of a plan it serves.
 * Whoever may not see a task is answered as if it did not exist.
 */
export function visibleTask(
  viewer: Viewer,
  state: IncidentState | null | undefined,
  taskId: string | undefined,
): Task | undefined {
  // own properties only: "__proto__" or "constructor" must name no task
  const task =
    state && taskId !== undefined && Object.hasOwn(state.tasks, taskId) ? state.tasks[taskId] : undefined;
  if (!task || !state) return undefined;
  return isStaff(viewer) || (canSeeIncident(viewer, state.planId) && task.unitId === viewer.unitId)
    ? task
    : undefined;
}

/** The event as this unit may see it, or null: task facts are cut down to the unit's own tasks. */
function eventForUnit(event: IncidentEvent, unitId: string): IncidentEvent | null {
  switch (event.type) {
    case 'TasksAssigned': {
      const tasks = event.tasks.filter((t) => t.unitId === unitId);
      return tasks.length > 0 ? { ...event, tasks } : null;
    }
    case 'TasksStoodDown': {
      const taskIds = event.taskIds.filter((id) => taskOwner(id) === unitId);
      return taskIds.length > 0 ? { ...event, taskIds } : null;
    }
    case 'TasksMoved': {
      // the unit a task left and the unit it went to each see that move, and no other
      const moves = event.moves.filter((m) => taskOwner(m.from) === unitId || m.to.unitId === unitId);
      return moves.length > 0 ? { ...event, moves } : null;
    }
    case 'ReviewWritten':
    case 'ReviewSigned':
      // the office's 总结评估 is staff business until it is sent on (as the exported report)
      return null;
    case 'RoleBound':
      // who holds a role (an outside party's name and phone) is staff business; a unit learns of its own
      // part through the tasks that reach it
      return null;
    case 'TaskAcknowledged':
    case 'TaskReported':
    case 'TaskOverdue':
      return taskOwner(event.taskId) === unitId ? event : null;
    default:
      return event;
  }
}

/** The fact as `viewer` may see it, or null when it is none of their business. */
export function factFor(viewer: Viewer, planId: string, fact: Fact): Fact | null {
  if (isStaff(viewer)) return fact;
  if (!viewer.unitId || !canSeeIncident(viewer, planId)) return null;
  const event = eventForUnit(fact.event, viewer.unitId);
  return event ? { ...fact, event } : null;
}

/** The version of a fact each unit of the plan may see, computed once per unit for a broadcast. */
export function factsByUnit(planId: string, fact: Fact): Map<string, Fact> {
  const out = new Map<string, Fact>();
  for (const unitId of unitsOfPlan(planId)) {
    const event = eventForUnit(fact.event, unitId);
    if (event) out.set(unitId, event === fact.event ? fact : { ...fact, event });
  }
  return out;
}

/**
 * The state as `viewer` may hold it in its own copy: staff the whole state; a unit its own tasks only, and
 * no bindings (who holds a role is staff business). Either way only the latest notes of each task.
 */
export function stateFor(viewer: Viewer, state: IncidentState): IncidentState {
  if (isStaff(viewer)) return withRecentNotes(state);
  const tasks: Record<string, Task> = {};
  for (const [id, t] of Object.entries(state.tasks)) if (t.unitId === viewer.unitId) tasks[id] = t;
  const { review: _office, ...rest } = state;
  return withRecentNotes({ ...rest, tasks, assignees: {}, parties: {} });
}
