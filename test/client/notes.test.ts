/** Paging a task's notes in the browser: pages join without repeats, and a report that arrives between pages shifts the next one. */
import { describe, expect, it } from 'vitest';
import { addPage, nextOffset } from '../../client/src/logic/notes.ts';
import type { Note } from '../../shared/protocol/contract.ts';

const note = (i: number): Note => ({ at: 1000 + i, by: 'u-police', text: `第${i}次` });
/** the server's page: newest first, offset counted from the newest of `total` notes 1..total */
const page = (total: number, offset: number, limit: number) => {
  const notes: Note[] = [];
  for (let i = total - offset; i > Math.max(0, total - offset - limit); i -= 1) notes.push(note(i));
  return { notes, total, offset };
};

describe('addPage and nextOffset', () => {
  it('pages through 45 notes 20 at a time, newest first, and stops at the oldest', () => {
    let held = addPage(null, page(45, 0, 20));
    expect(nextOffset(held)).toBe(20);
    held = addPage(held, page(45, 20, 20));
    expect(nextOffset(held)).toBe(40);
    held = addPage(held, page(45, 40, 20));
    expect(nextOffset(held)).toBeNull();
    expect(held.notes.map((n) => n.at)).toEqual(Array.from({ length: 45 }, (_, i) => 1045 - i));
  });

  it('two reports arriving after the first page: the next page overlaps, nothing is shown twice or skipped', () => {
    let held = addPage(null, page(30, 0, 20));
    // the server now holds 32: the page at offset 20 starts two notes newer than expected
    held = addPage(held, page(32, nextOffset(held)!, 20));
    expect(held.notes.map((n) => n.at)).toEqual(Array.from({ length: 30 }, (_, i) => 1030 - i));
    expect(nextOffset(held)).toBeNull();
  });

  it('an empty history holds nothing and asks for nothing more', () => {
    const held = addPage(null, { notes: [], total: 0, offset: 0 });
    expect(held.notes).toEqual([]);
    expect(nextOffset(held)).toBeNull();
  });
});
