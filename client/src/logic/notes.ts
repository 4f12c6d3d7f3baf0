/**
 * Paging a task's notes, newest first. The server counts `offset` from the newest note, so a report that
 * arrives between two pages shifts the older ones by one: the next offset skips what arrived since the first
 * page, and a note already held is not added twice.
 */
import type { Note, NotesPage } from '../../../shared/protocol/contract.ts';

export interface NotesHeld {
  notes: Note[];
  /** the total when the first page came */
  firstTotal: number;
  /** the total the latest page gave */
  total: number;
}

// the file too: two reports that are only files, at the same moment, are two reports
const key = (n: Note) => `${n.at}\u0000${n.by}\u0000${n.text}\u0000${n.attachment?.fileId ?? ''}`;

export function addPage(held: NotesHeld | null, page: NotesPage): NotesHeld {
  if (!held) return { notes: page.notes, firstTotal: page.total, total: page.total };
  const seen = new Set(held.notes.map(key));
  return {
    notes: [...held.notes, ...page.notes.filter((n) => !seen.has(key(n)))],
    firstTotal: held.firstTotal,
    total: page.total,
  };
}

/** Where the next (older) page starts, or null when the oldest note is held. */
export function nextOffset(held: NotesHeld): number | null {
  const offset = held.notes.length + Math.max(0, held.total - held.firstTotal);
  return offset < held.total ? offset : null;
}
