/**
 * The command pipeline on a real SQLite store: a command's answer carries the facts it wrote (the actor's
 * cut of them), each command its own even when its batch mixes refusals, copies and writes; appliedSeq is
 * what memory holds, never ahead of it; the scheduler ticks as `system`, and nobody else may.
 */
import { describe, expect, it } from 'vitest';
import type { IncidentState } from '../../shared/engine/incident.ts';
import type { CommandReply, Fact } from '../../shared/protocol/live.ts';
import { IncidentService } from '../../server/live/incidents.ts';
import type { CommandRequest } from '../../server/live/request.ts';
import { SCHEDULER } from '../../server/live/ticking.ts';
import { factFor, type Viewer } from '../../server/live/visibility.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/types.ts';
import { rid, tempDir } from './live.ts';

const duty: Viewer = { id: 'duty', role: 'duty', unitId: null };
const unitViewer = (unitId: string): Viewer => ({ id: `u-${unitId}`, role: 'unit', unitId });

const declare = (title: string): CommandRequest => ({
  actor: duty,
  requestId: rid('declare'),
  name: 'declare',
  target: { newIncident: { planId: 'snow-ice', place: null } },
  command: { type: 'declare', incidentId: '', planId: 'snow-ice', levelId: 'II', title },
  payload: [title],
});
const ack = (actor: Viewer, incidentId: string, taskId: string, requestId = rid('ack')): CommandRequest => ({
  actor,
  requestId,
  name: 'acknowledge',
  target: { apiTaskId: `${incidentId}:${taskId}` },
  command: { type: 'acknowledge', taskId },
  payload: null,
});
const factsOf = (reply: CommandReply) => (reply.ok ? (reply.body.facts as Fact[] | undefined) : undefined);

async function open(wrap: (inner: Store) => Store = (s) => s) {
  const real = openSqliteStore(tempDir());
  const service = await IncidentService.open(wrap(real), () => Date.now());
  return { real, service };
}

/** one task of each of `n` different units */
function tasksOfUnits(state: IncidentState, n: number) {
  const byUnit = new Map<string, string>();
  for (const t of Object.values(state.tasks)) if (!byUnit.has(t.unitId)) byUnit.set(t.unitId, t.id);
  return [...byUnit].slice(0, n).map(([unitId, taskId]) => ({ unitId, taskId }));
}

describe('a command answers the facts it wrote', () => {
  it('a declaration carries all its facts, stored and in order, up to appliedSeq', async () => {
    const { real, service } = await open();
    const reply = await service.execute(declare('事实'));
    expect(reply.status).toBe(201);
    const facts = factsOf(reply)!;
    const id = (reply.ok ? (reply.body.incident as { id: string }) : { id: '' }).id;
    const stored = (await real.factsOf(id)).map(({ seq, version, event }) => ({ seq, version, event }));
    expect(facts).toEqual(stored);
    expect(facts.length).toBeGreaterThan(1);
    expect(facts.at(-1)!.seq).toBe(service.appliedSeq());
    expect(facts.at(-1)!.version).toBe(service.state(id)!.version);
    await real.close();
  });

  it('in one batch of writes, refusals and copies, each command gets its own facts, cut to what its actor sees', async () => {
    const { real, service } = await open();
    const declared = await service.execute(declare('一批'));
    const id = (declared.ok ? (declared.body.incident as { id: string }) : { id: '' }).id;
    const [a, b, c] = tasksOfUnits(service.state(id)!, 3);
    const [ua, ub, uc] = [a!, b!, c!].map((t) => unitViewer(t.unitId));
    const aKey = rid('a');
    // one turn of the event loop: one batch, one commit
    const replies = await Promise.all([
      service.execute(ack(ua!, id, a!.taskId, aKey)), // writes
      service.execute(ack(ub!, id, a!.taskId)), // another unit's task: refused, an audit row only
      service.execute(ack(ua!, id, a!.taskId, aKey)), // a copy: answered from the first, writes nothing
      service.execute(ack(duty, id, c!.taskId)), // staff may not acknowledge: refused
      service.execute(ack(uc!, id, c!.taskId)), // writes
      service.execute(ack(ub!, id, b!.taskId)), // writes
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 404, 200, 403, 200, 200]);
    const stored = await real.factsOf(id);
    const ackOf = (taskId: string) => {
      const f = stored.find((s) => s.event.type === 'TaskAcknowledged' && s.event.taskId === taskId)!;
      return { seq: f.seq, version: f.version, event: f.event };
    };
    expect(factsOf(replies[0]!)).toEqual([ackOf(a!.taskId)]);
    expect(factsOf(replies[4]!)).toEqual([ackOf(c!.taskId)]);
    expect(factsOf(replies[5]!)).toEqual([ackOf(b!.taskId)]);
    // the copy gets the first answer as it was kept, without facts; refusals carry none
    expect(factsOf(replies[2]!)).toBeUndefined();
    expect({ ...replies[2]!.body, facts: undefined }).toEqual({ ...replies[0]!.body, facts: undefined });
    for (const r of [replies[1]!, replies[3]!]) expect(JSON.stringify(r.body)).not.toContain('"facts"');
    expect(service.appliedSeq()).toBe(await real.head());
    // a retried requestId in a later batch gets the stored answer, which carries none either
    const retried = await service.execute(ack(ua!, id, a!.taskId, aKey));
    expect(factsOf(retried)).toBeUndefined();
    expect(retried.body).toEqual({ ...replies[0]!.body, facts: undefined });
    await real.close();
  });

  it('a unit gets its cut of a fact that concerns other units too', async () => {
    const { real, service } = await open();
    const declared = await service.execute(declare('分级'));
    const id = (declared.ok ? (declared.body.incident as { id: string }) : { id: '' }).id;
    const state = service.state(id)!;
    // a unit's view of the staff's declaration facts is what factFor gives it, as a broadcast would
    const unit = unitViewer(Object.values(state.tasks)[0]!.unitId);
    const staffFacts = factsOf(declared)!;
    const cut = staffFacts.flatMap((f) => factFor(unit, state.planId, f) ?? []);
    const assigned = cut.find((f) => f.event.type === 'TasksAssigned');
    expect(assigned && assigned.event.type === 'TasksAssigned' && assigned.event.tasks.length).toBeLessThan(
      Object.keys(state.tasks).length,
    );
    // and a unit's own command answers its cut: its acknowledgement, which is its own
    const [t] = tasksOfUnits(state, 1);
    const acked = await service.execute(ack(unit, id, t!.taskId));
    expect(factsOf(acked)!.map((f) => f.event.type)).toEqual(['TaskAcknowledged']);
    await real.close();
  });
});

describe('appliedSeq', () => {
  it('starts at the store head and never runs ahead of memory', async () => {
    const first = await open();
    await first.service.execute(declare('重启前'));
    const head = await first.real.head();
    expect(first.service.appliedSeq()).toBe(head);
    await first.real.close();

    // a store whose commit is watched: between the commit and its application, appliedSeq has not moved
    const real = openSqliteStore(tempDir());
    let duringCommit: { applied: number; head: number } | null = null;
    let service: IncidentService | null = null;
    const wrapped: Store = {
      ...real,
      commit: async (batch) => {
        const facts = await real.commit(batch);
        // on disk, not yet applied: what a bootstrap read at this moment would see
        if (service && facts.flat().length > 0)
          duringCommit = { applied: service.appliedSeq(), head: await real.head() };
        return facts;
      },
    };
    service = await IncidentService.open(wrapped, () => Date.now());
    expect(service.appliedSeq()).toBe(0);
    const reply = await service.execute(declare('提交中'));
    expect(duringCommit).not.toBeNull();
    expect(duringCommit!.applied).toBe(0);
    expect(duringCommit!.head).toBeGreaterThan(0);
    expect(service.appliedSeq()).toBe(duringCommit!.head);
    expect(factsOf(reply)!.at(-1)!.seq).toBe(service.appliedSeq());
    await real.close();
  });

  it('is the head of a reopened store', async () => {
    const dir = tempDir();
    const a = openSqliteStore(dir);
    const s1 = await IncidentService.open(a, () => Date.now());
    await s1.execute(declare('一'));
    await s1.execute(declare('二'));
    const head = await a.head();
    await a.close();
    const b = openSqliteStore(dir);
    const s2 = await IncidentService.open(b, () => Date.now());
    expect(s2.appliedSeq()).toBe(head);
    await b.close();
  });
});

describe('the scheduler ticks as system', () => {
  it('is not an administrator, and an administrator may not tick', async () => {
    const { real, service } = await open();
    const declared = await service.execute(declare('时钟'));
    const id = (declared.ok ? (declared.body.incident as { id: string }) : { id: '' }).id;
    expect(SCHEDULER.role).toBe('system');
    const tick = (actor: CommandRequest['actor']): CommandRequest => ({
      actor,
      name: 'tick',
      target: { incidentId: id },
      command: { type: 'tick' },
      payload: null,
    });
    const head = await real.head();
    const posing = await service.execute(tick({ id: 'scheduler', role: 'admin', unitId: null }));
    expect(posing.status).toBe(403);
    expect(await real.head()).toBe(head);
    const [audit] = await real.audit(1);
    expect(audit).toMatchObject({ userId: 'scheduler', role: 'admin', command: 'tick', code: 'FORBIDDEN' });
    expect(await service.execute(tick(SCHEDULER))).toEqual({ ok: true, status: 200, body: {} });
    await real.close();
  });
});
