/**
 * A run of folds (a batch, a packet) copies each incident's task map once and writes into its own copy
 * after that — and never into a map it was given: the states before the run stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { apply, freshRun } from '../../shared/engine/apply.ts';
import type { IncidentEvent, IncidentState } from '../../shared/engine/incident.ts';
import { duty, plan, Run, T0 } from './helpers.ts';

const snow = plan('snow-ice');
const order = snow.levels.map((l) => l.id);

function declared(): IncidentState {
  const run = new Run(snow);
  const d = run.try(
    { type: 'declare', incidentId: 'i1', planId: 'snow-ice', title: '雪', levelId: 'III' },
    duty,
    T0,
  );
  expect(d.ok).toBe(true);
  return run.state!;
}

describe('a run of folds', () => {
  it('equals folding one event at a time, and leaves the states it was given untouched', () => {
    const before = declared();
    const frozen = JSON.stringify(before);
    const ids = Object.keys(before.tasks).slice(0, 6);
    const events: IncidentEvent[] = [
      ...ids.slice(0, 3).map((taskId, k) => ({
        type: 'TaskAcknowledged' as const,
        taskId,
        by: 'u',
        incidentId: 'i1',
        at: T0 + k,
      })),
      {
        type: 'TaskReported',
        taskId: ids[3]!,
        by: 'u',
        note: '已部署',
        done: true,
        incidentId: 'i1',
        at: T0 + 9,
      },
      { type: 'TaskOverdue', taskId: ids[4]!, incidentId: 'i1', at: T0 + 10 },
      { type: 'TasksStoodDown', taskIds: [ids[5]!], incidentId: 'i1', at: T0 + 11 },
    ];
    const fresh = freshRun();
    const states: IncidentState[] = [];
    let shared = before;
    for (const e of events) states.push((shared = apply(shared, e, order, fresh)));
    let alone = before;
    for (const e of events) alone = apply(alone, e, order);
    expect(shared).toEqual(alone);
    // the state it was given is as it was, and its map was copied once for the whole run
    expect(JSON.stringify(before)).toBe(frozen);
    expect(new Set(states.map((s) => s.tasks)).size).toBe(1);
    expect(states[0]!.tasks).not.toBe(before.tasks);
  });

  it('copies again in the next run: a state published after a run is never written to', () => {
    const before = declared();
    const [a, b] = Object.keys(before.tasks);
    const first = apply(
      before,
      { type: 'TaskAcknowledged', taskId: a!, by: 'u', incidentId: 'i1', at: T0 },
      order,
      freshRun(),
    );
    const kept = JSON.stringify(first);
    const second = apply(
      first,
      { type: 'TaskAcknowledged', taskId: b!, by: 'u', incidentId: 'i1', at: T0 + 1 },
      order,
      freshRun(),
    );
    expect(JSON.stringify(first)).toBe(kept);
    expect(second.tasks[b!]!.status).toBe('acknowledged');
    expect(first.tasks[b!]!.status).toBe('assigned');
  });

  it('keeps a task’s note history and count when it is assigned again (a client holds only the latest notes)', () => {
    const before = declared();
    const [id] = Object.keys(before.tasks);
    const task = before.tasks[id!]!;
    const trimmed = {
      ...before,
      tasks: {
        ...before.tasks,
        [id!]: { ...task, notes: [{ at: T0, by: 'u', text: '第6次' }], noteCount: 6 },
      },
    };
    const again = apply(
      trimmed,
      {
        type: 'TasksAssigned',
        tasks: [{ ...task, notes: undefined } as never],
        incidentId: 'i1',
        at: T0 + 5,
      },
      order,
    );
    expect(again.tasks[id!]!.noteCount).toBe(6);
    expect(again.tasks[id!]!.notes.map((n) => n.text)).toEqual(['第6次']);
  });
});
