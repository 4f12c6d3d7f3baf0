/**
 * When the disk refuses a write, the command is answered 503 and nothing changes: not the state in memory,
 * not the log, not what listeners were told; the same request sent again once the disk is back is applied
 * once. The failure is injected around the real SQLite store (a full or failing disk cannot be made here).
 */
import { describe, expect, it } from 'vitest';
import { toRequest } from '../../server/live/commands.ts';
import { IncidentService } from '../../server/live/incidents.ts';
import type { Viewer } from '../../server/live/visibility.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { Store, StoredFact } from '../../server/store/types.ts';
import { rid, tempDir } from './live.ts';

function failingStore(inner: Store) {
  const faults = { commit: false, lookup: false };
  const store: Store = {
    ...inner,
    commit: (batch) => (faults.commit ? Promise.reject(new Error('disk I/O error')) : inner.commit(batch)),
    findRequests: (keys) =>
      faults.lookup ? Promise.reject(new Error('disk I/O error')) : inner.findRequests(keys),
  };
  return { store, faults };
}

describe('a store that fails', () => {
  it('answers 503, changes nothing, and applies the retried command once when it is back', async () => {
    const real = openSqliteStore(tempDir());
    const { store, faults } = failingStore(real);
    const service = await IncidentService.open(store, () => Date.now());
    const told: StoredFact[] = [];
    service.onFacts((facts) => told.push(...facts));
    const duty: Viewer = { id: 'duty', role: 'duty', unitId: null };
    const run = (viewer: Viewer, cmd: Parameters<typeof toRequest>[1]) => {
      const req = toRequest(viewer, cmd);
      if ('invalid' in req) throw new Error(req.invalid.join(' / '));
      return service.execute(req);
    };
    const declared = await run(duty, {
      type: 'open',
      planId: 'snow-ice',
      levelId: 'II',
      title: '故障',
      requestId: rid(),
    });
    expect(declared.status).toBe(201);
    const id = (declared.body as { incident: { id: string } }).incident.id;
    const task = Object.values(service.state(id)!.tasks)[0]!;
    const unit: Viewer = { id: `u-${task.unitId}`, role: 'unit', unitId: task.unitId };
    const ack = { type: 'acknowledge' as const, taskId: `${id}:${task.id}`, requestId: rid() };
    const before = { state: service.state(id), head: await real.head(), told: told.length };

    for (const fault of ['commit', 'lookup'] as const) {
      faults[fault] = true;
      const refused = await run(unit, ack);
      faults[fault] = false;
      expect(refused.status).toBe(503);
      expect(JSON.stringify(refused.body)).toContain('UNAVAILABLE');
      expect(service.state(id)).toBe(before.state); // the very same object: nothing was applied
      expect(await real.head()).toBe(before.head);
      expect(told.length).toBe(before.told);
    }

    const applied = await run(unit, ack);
    expect(applied.status).toBe(200);
    expect(service.state(id)!.tasks[task.id]!.status).toBe('acknowledged');
    // the first answer carries the facts it wrote; a retry gets the kept answer, which has none (the client syncs)
    expect(applied.ok && applied.body.facts).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ type: 'TaskAcknowledged', taskId: task.id }),
      }),
    ]);
    const again = await run(unit, ack);
    expect(again).toEqual({ ...applied, body: { ...applied.body, facts: undefined } });
    const acks = (await real.factsOf(id)).filter((f) => f.event.type === 'TaskAcknowledged');
    expect(acks).toHaveLength(1);
    await real.close();
  });
});
