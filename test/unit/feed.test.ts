/**
 * The resync rule every client follows (LiveFeed): each fact applied once, in sequence order, whether it came
 * in a live packet, in a sync page, or both; packets that arrive during a sync wait for it.
 */
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../shared/engine/incident.ts';
import { LiveFeed } from '../../shared/protocol/feed.ts';
import type { Fact } from '../../shared/protocol/live.ts';

const fact = (seq: number): Fact => ({
  seq,
  version: seq,
  event: { type: 'TaskAcknowledged', incidentId: 'i', at: seq, taskId: `t${seq}`, by: 'u' } as IncidentEvent,
});
const facts = (...seqs: number[]) => seqs.map(fact);

function feed(position = 0) {
  const applied: number[] = [];
  return { applied, feed: new LiveFeed(position, (f) => applied.push(f.seq)) };
}

describe('LiveFeed', () => {
  it('applies a live packet in order and drops what it has already applied', () => {
    const { applied, feed: f } = feed(2);
    f.receive(facts(1, 2, 3, 4));
    f.receive(facts(4, 5));
    expect(applied).toEqual([3, 4, 5]);
    expect(f.position).toBe(5);
  });

  it('holds packets that arrive during a sync, then applies them after its pages, each once', () => {
    const { applied, feed: f } = feed(0);
    expect(f.beginSync()).toBe(0);
    f.receive(facts(5, 6)); // live, while the first page is on its way
    expect(applied).toEqual([]);
    expect(f.endSync({ facts: facts(1, 2, 3), upTo: 3, more: true })).toBe(true);
    expect(applied).toEqual([1, 2, 3]); // the held packet waits for the last page
    f.beginSync();
    f.receive(facts(7));
    expect(f.endSync({ facts: facts(4, 5, 6), upTo: 6, more: false })).toBe(false);
    expect(applied).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('a sync that fails releases nothing it held; the next sync brings those facts', () => {
    const { applied, feed: f } = feed(0);
    f.beginSync();
    f.receive(facts(1, 2));
    f.abortSync();
    expect(applied).toEqual([]);
    f.beginSync();
    f.endSync({ facts: facts(1, 2), upTo: 2, more: false });
    f.receive(facts(2, 3));
    expect(applied).toEqual([1, 2, 3]);
  });

  it('a unit’s gaps in the sequence are not missing facts: the sync’s upTo moves the position past them', () => {
    const { applied, feed: f } = feed(0);
    f.beginSync();
    f.endSync({ facts: facts(2, 9), upTo: 12, more: false });
    f.receive(facts(11, 13));
    expect(applied).toEqual([2, 9, 13]);
    expect(f.position).toBe(13);
  });
});
