/**
 * The store behind every route: an append-only event log with a global sequence and a per-incident
 * version, the read models the API needs, accounts and sessions. Async so that a PostgreSQL
 * implementation can stand in for the embedded SQLite one without touching routes or the engine.
 */
import type { IncidentEvent, IncidentState } from '../../shared/engine/incident.ts';
import type { Role } from '../../shared/plans/schema.ts';
import type { Fact, Place } from '../../shared/protocol/live.ts';

export interface StoredFact extends Fact {
  incidentId: string;
}

/** What the log does not carry about an incident: where it is and who opened it. */
export interface IncidentRecord {
  id: string;
  planId: string;
  place: Place | null;
  createdAt: number;
  createdBy: string;
}

/** The first answer to a command, kept so that a retry with the same requestId gets it again. */
export interface RequestRecord {
  userId: string;
  requestId: string;
  /** a digest of what was asked; the same requestId with different content is refused */
  fingerprint: string;
  status: number;
  body: unknown;
}

/** A refused command, kept on the record (who tried what, and why it was refused). */
export interface AuditEntry {
  /** the first refusal of this row; `lastAt` and `count` say how often it was repeated within the hour */
  at: number;
  lastAt?: number;
  count?: number;
  userId: string;
  role: string;
  unitId: string | null;
  command: string;
  target: string | null;
  code: string;
  message: string;
}

/**
 * A file attached to a task's report (a written report): its bytes and what identifies it. It is written in
 * the same transaction as the fact that names it (TaskReported's `attachment.fileId`), so neither exists
 * without the other.
 */
export interface FileRecord {
  id: string;
  incidentId: string;
  /** the task within its incident ("source@unit[@day]") */
  taskId: string;
  name: string;
  /** the MIME type, one of ATTACHMENTS.types */
  type: string;
  size: number;
  sha256: string;
  data: Buffer;
  /** the account that uploaded it */
  by: string;
  at: number;
}

/** One command's writes. A batch of these commits in one transaction, or none of it does. */
export interface CommitItem {
  incident?: IncidentRecord;
  events: { version: number; event: IncidentEvent }[];
  request?: RequestRecord;
  audit?: AuditEntry;
  /** files the command's facts name (an attached report), written with them */
  files?: FileRecord[];
}

/** The mode an account or a session was made in: production refuses what demo mode made. */
export type AccountMode = 'demo' | 'production';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  unitId: string | null;
  createdAt: number;
  mode: AccountMode;
  /** the display name and post (职务) of the person; null (or absent) when not given, never made up */
  name?: string | null;
  post?: string | null;
}

/** An account as the record names it: no password hash, no session. */
export type PersonRecord = Pick<UserRecord, 'id' | 'username' | 'role' | 'unitId' | 'mode'> & {
  name: string | null;
  post: string | null;
};

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  mode: AccountMode;
}

export interface Snapshot {
  incidentId: string;
  version: number;
  state: IncidentState;
}

/** An administrator's entry for one unit: added duty contacts and a map position. */
export interface DirectoryEntry {
  unitId: string;
  contacts: { label: string; phone?: string | undefined; person?: string | undefined }[];
  position: { lat: number; lng: number } | null;
  updatedBy: string;
  updatedAt: number;
}

export interface Store {
  /** Commits every item of the batch in one durable transaction; returns each item's facts with their sequence. */
  commit(batch: CommitItem[]): Promise<StoredFact[][]>;
  /** the facts after `seq` in order: at most `limit`, and no more than about `maxBytes` of stored JSON */
  factsAfter(seq: number, limit: number, maxBytes?: number): Promise<StoredFact[]>;
  factsOf(incidentId: string, afterVersion?: number): Promise<StoredFact[]>;
  /**
   * an incident's facts just before `beforeVersion`, oldest first: at most `limit`, about `maxBytes` of JSON;
   * with the bytes read, which is what the page cost to parse
   */
  factsBefore(
    incidentId: string,
    beforeVersion: number,
    limit: number,
    maxBytes: number,
  ): Promise<{ facts: StoredFact[]; bytes: number }>;
  head(): Promise<number>;
  incidents(): Promise<IncidentRecord[]>;
  snapshots(): Promise<Snapshot[]>;
  saveSnapshots(snapshots: Snapshot[]): Promise<void>;
  /** the stored first answers to those of these (user, requestId) pairs that were seen before */
  findRequests(keys: { userId: string; requestId: string }[]): Promise<RequestRecord[]>;
  audit(limit: number): Promise<AuditEntry[]>;
  /** deletes stored answers and audit rows past their retention (RETENTION); says how many of each */
  sweep(now: number): Promise<{ requests: number; audit: number }>;

  countUsers(): Promise<number>;
  createUsers(users: UserRecord[]): Promise<void>;
  findUser(username: string): Promise<UserRecord | null>;
  /** every account's name and post, by id, at most `limit` of them */
  people(limit: number): Promise<PersonRecord[]>;

  /**
   * Stores the session and, in the same transaction, ends the user's oldest sessions beyond `keep`;
   * returns the token hashes of the sessions it ended
   */
  createSession(session: SessionRecord, keep: number): Promise<string[]>;
  /** the session and its user, or null */
  findSession(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: number): Promise<string[]>;

  /** an attached file, bytes and all, or null */
  file(id: string): Promise<FileRecord | null>;
  /** the time and size of every file this account stored at or after `since`, oldest first (the daily quota) */
  uploadsSince(by: string, since: number): Promise<{ at: number; size: number }[]>;

  directory(): Promise<DirectoryEntry[]>;
  saveDirectoryEntry(entry: DirectoryEntry): Promise<void>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** PRAGMA integrity_check or its equivalent: "ok" when the store is sound */
  integrity(): Promise<string>;
  close(): Promise<void>;
}
