/**
 * Snapshots are only a shortcut: a start from a snapshot and the events after it must give exactly the state
 * that the whole log gives, and the state the service held before it went down, clean or not.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toRequest } from '../../server/live/commands.ts';
import { IncidentService, SNAPSHOT_EVERY } from '../../server/live/incidents.ts';
import type { Viewer } from '../../server/live/visibility.ts';
import { DB_FILE, openSqliteStore } from '../../server/store/sqlite.ts';
import { rid, tempDir } from './live.ts';

const duty: Viewer = { id: 'duty', role: 'duty', unitId: null };

async function run(service: IncidentService, viewer: Viewer, cmd: Parameters<typeof toRequest>[1]) {
  const req = toRequest(viewer, cmd);
  if ('invalid' in req) throw new Error(req.invalid.join(' / '));
  const reply = await service.execute(req);
  expect(reply.ok, JSON.stringify(reply.body)).toBe(true);
  return reply.body as { incident?: { id: string } };
}

/** Progress reports on every task of the incident, all in flight at once, until it has `events` more. */
async function reportUntil(service: IncidentService, id: string, version: number, round: number) {
  while (service.state(id)!.version < version) {
    const tasks = Object.values(service.state(id)!.tasks).filter((t) => t.status !== 'stoodDown');
    await Promise.all(
      tasks.map((t) =>
        run(
          service,
          { id: t.unitId, role: 'unit', unitId: t.unitId },
          { type: 'report', taskId: `${id}:${t.id}`, note: `第${round}次`, done: false, requestId: rid() },
        ),
      ),
    );
    round += 1;
  }
  return round;
}

describe('snapshots', () => {
  it('a start from a snapshot and its tail equals the live state and the whole log replayed', async () => {
    const dir = tempDir();
    const clock = () => Date.now();
    let store = openSqliteStore(dir);
    let service = await IncidentService.open(store, clock);
    const declared = await run(service, duty, {
      type: 'open',
      planId: 'snow-ice',
      levelId: 'II',
      title: '快照',
      requestId: rid(),
    });
    const id = declared.incident!.id;
    const round = await reportUntil(service, id, SNAPSHOT_EVERY + 50, 1);
    await service.snapshot(true); // as a clean shutdown does
    const snapshotVersion = service.state(id)!.version;
    // then more events, and the process dies: no snapshot of these
    await reportUntil(service, id, snapshotVersion + 120, round);
    const live = service.state(id)!;
    expect(live.version).toBeGreaterThan(snapshotVersion);
    await store.close();

    store = openSqliteStore(dir);
    const stored = (await store.snapshots()).find((s) => s.incidentId === id);
    expect(stored?.version).toBe(snapshotVersion);
    service = await IncidentService.open(store, clock);
    expect(service.state(id)).toEqual(live);
    await store.close();

    // the same log with no snapshot at all
    const db = new Database(join(dir, DB_FILE));
    db.exec('DELETE FROM snapshots');
    db.close();
    store = openSqliteStore(dir);
    service = await IncidentService.open(store, clock);
    expect(service.state(id)).toEqual(live);
    await reportUntil(service, id, live.version + 10, round);
    expect(service.state(id)!.version).toBeGreaterThan(live.version);
    await store.close();
  });
});
