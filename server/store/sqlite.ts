/**
 * The embedded store: one SQLite file (better-sqlite3, WAL). `synchronous=FULL` makes every commit durable
 * before it returns, so an acknowledgement confirmed to a client survives a killed process or a power cut.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RETENTION } from '../../shared/protocol/limits.ts';
import { migrate } from './migrations.ts';
import type {
  AuditEntry,
  CommitItem,
  DirectoryEntry,
  FileRecord,
  IncidentRecord,
  PersonRecord,
  RequestRecord,
  SessionRecord,
  Snapshot,
  Store,
  StoredFact,
  UserRecord,
} from './types.ts';

interface EventRow {
  seq: number;
  incident_id: string;
  version: number;
  body: string;
}

const toFact = (r: EventRow): StoredFact => ({
  seq: r.seq,
  incidentId: r.incident_id,
  version: r.version,
  event: JSON.parse(r.body),
});

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: UserRecord['role'];
  unit_id: string | null;
  created_at: number;
  mode: UserRecord['mode'];
  name: string | null;
  post: string | null;
}
const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  unitId: r.unit_id,
  createdAt: r.created_at,
  mode: r.mode,
  name: r.name,
  post: r.post,
});

/**
 * Facts from `rows` until they hold `maxBytes` of stored JSON (always at least one), so a page costs the same
 * to parse however large the declarations in it are; bytes, not characters (a Chinese note is 3 a character).
 * Leaving the loop early ends the statement's iteration.
 */
function pageOf(rows: Iterable<EventRow>, maxBytes: number): { facts: StoredFact[]; bytes: number } {
  const facts: StoredFact[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(row.body);
    if (facts.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    facts.push(toFact(row));
  }
  return { facts, bytes };
}

export const DB_FILE = 'console.sqlite';

/**
 * The store cannot be written (a read-only file or directory, a read-only or full disk). Opening and reading
 * may well succeed in that state, and every command would then fail: the server must not start instead.
 */
export class StoreUnwritableError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(
      `数据存储不可写，服务未启动：${path}（${code}）请检查文件与目录的权限和磁盘 / ` +
        `The store cannot be written, so the console did not start: ${path} (${code}); check the permissions of the file and its directory, and the disk`,
    );
  }
}

// what SQLite and the file system say when the store cannot be written to
const UNWRITABLE = /^(SQLITE_(READONLY|CANTOPEN|PERM|AUTH|FULL|IOERR)|EACCES|EROFS|EPERM|ENOSPC)/;

/** Opens, migrates and proves with a real write that the store is writable, or throws StoreUnwritableError. */
function openWritable(dataDir: string): Database.Database {
  const file = join(dataDir, DB_FILE);
  let db: Database.Database | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    // a read-only file opens, reads and migrates (nothing new to apply) without complaint: only a write
    // tells, so write one meta row in a transaction, as every command will
    const probe = db.prepare(
      `INSERT INTO meta (key, value) VALUES ('started_at', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    db.transaction(() => probe.run(String(Date.now())))();
    return db;
  } catch (e) {
    try {
      db?.close();
    } catch {
      // closing a half-open database can fail too; the error worth reporting is the first one
    }
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNWRITABLE.test(code)) throw new StoreUnwritableError(file, code);
    throw e;
  }
}

export function openSqliteStore(dataDir: string): Store {
  const db = openWritable(dataDir);

  const q = {
    insertEvent: db.prepare(
      'INSERT INTO events (incident_id, version, type, at, body) VALUES (?, ?, ?, ?, ?) RETURNING seq',
    ),
    insertIncident: db.prepare(
      'INSERT INTO incidents (id, plan_id, place, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
    ),
    insertRequest: db.prepare(
      'INSERT INTO requests (user_id, request_id, fingerprint, status, body, at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    // a refusal repeated within the hour (same account, command, target and code) adds to one row's count
    insertAudit: db.prepare(
      `INSERT INTO audit (at, last_at, user_id, role, unit_id, command, target, code, message, repeat_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (repeat_key) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
    ),
    auditRowsSince: db.prepare('SELECT COUNT(*) AS n FROM audit WHERE user_id = ? AND at >= ?'),
    sweepRequests: db.prepare('DELETE FROM requests WHERE at < ?'),
    sweepAudit: db.prepare('DELETE FROM audit WHERE last_at < ?'),
    factsAfter: db.prepare(
      'SELECT seq, incident_id, version, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    factsBefore: db.prepare(
      'SELECT seq, incident_id, version, body FROM events WHERE incident_id = ? AND version < ? ORDER BY version DESC LIMIT ?',
    ),
    factsOf: db.prepare(
      'SELECT seq, incident_id, version, body FROM events WHERE incident_id = ? AND version > ? ORDER BY version',
    ),
    head: db.prepare('SELECT COALESCE(MAX(seq), 0) AS head FROM events'),
    incidents: db.prepare(
      'SELECT id, plan_id, place, created_at, created_by FROM incidents ORDER BY created_at',
    ),
    snapshots: db.prepare('SELECT incident_id, version, state FROM snapshots'),
    saveSnapshot: db.prepare(
      `INSERT INTO snapshots (incident_id, version, state) VALUES (?, ?, ?)
       ON CONFLICT (incident_id) DO UPDATE SET version = excluded.version, state = excluded.state
       WHERE excluded.version > snapshots.version`,
    ),
    // one statement for a whole batch of keys, given as a JSON array of [userId, requestId]
    findRequests: db.prepare(
      `SELECT r.user_id, r.request_id, r.fingerprint, r.status, r.body
       FROM json_each(?) AS k
       JOIN requests r ON r.user_id = k.value ->> 0 AND r.request_id = k.value ->> 1`,
    ),
    audit: db.prepare('SELECT * FROM audit ORDER BY last_at DESC, id DESC LIMIT ?'),
    countUsers: db.prepare('SELECT COUNT(*) AS n FROM users'),
    insertUser: db.prepare(
      `INSERT INTO users (id, username, password_hash, role, unit_id, created_at, mode, name, post)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    findUser: db.prepare('SELECT * FROM users WHERE username = ?'),
    // the columns named, never `*`: the hash stays out of what the record shows
    people: db.prepare('SELECT id, username, role, unit_id, mode, name, post FROM users ORDER BY id LIMIT ?'),
    insertSession: db.prepare(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, mode) VALUES (?, ?, ?, ?, ?)',
    ),
    // every session of the user but the newest `keep` (OFFSET skips those), through sessions_user
    trimSessions: db.prepare(
      `DELETE FROM sessions WHERE user_id = ? AND token_hash IN (
         SELECT token_hash FROM sessions WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?
       ) RETURNING token_hash`,
    ),
    findSession: db.prepare(
      `SELECT s.token_hash, s.created_at AS s_created_at, s.expires_at, s.mode AS s_mode, u.*
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    expiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ? RETURNING token_hash'),
    directory: db.prepare('SELECT * FROM directory ORDER BY unit_id'),
    saveDirectory: db.prepare(
      `INSERT INTO directory (unit_id, contacts, position, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (unit_id) DO UPDATE SET contacts = excluded.contacts, position = excluded.position,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ),
    insertFile: db.prepare(
      `INSERT INTO files (id, incident_id, task_id, name, type, size, sha256, data, by, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    file: db.prepare('SELECT * FROM files WHERE id = ?'),
    uploadsSince: db.prepare('SELECT at, size FROM files WHERE by = ? AND at >= ? ORDER BY at'),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
  };

  /**
   * One refused command on the record. Repeats within the hour fold into one row with a count; past
   * RETENTION.auditRowsPerHour distinct rows for the account in that hour, further refusals fold into one
   * row per command and code (target "*"), so a flood of made-up targets adds a handful of rows, not millions.
   */
  const recordRefusal = (a: AuditEntry) => {
    const hour = Math.floor(a.at / 3600_000);
    const full =
      (q.auditRowsSince.get(a.userId, hour * 3600_000) as { n: number }).n >= RETENTION.auditRowsPerHour;
    const target = full ? '*' : a.target;
    const message = full ? '（本小时内同类拒绝已合并 / further refusals this hour merged）' : a.message;
    const key = JSON.stringify([a.userId, a.command, a.code, target, hour]);
    q.insertAudit.run(a.at, a.at, a.userId, a.role, a.unitId, a.command, target, a.code, message, key);
  };

  const commitBatch = db.transaction((batch: CommitItem[]) =>
    batch.map((item) => {
      const inc = item.incident;
      if (inc) {
        q.insertIncident.run(
          inc.id,
          inc.planId,
          inc.place ? JSON.stringify(inc.place) : null,
          inc.createdAt,
          inc.createdBy,
        );
      }
      const facts = item.events.map(({ version, event }) => {
        const row = q.insertEvent.get(
          event.incidentId,
          version,
          event.type,
          event.at,
          JSON.stringify(event),
        ) as {
          seq: number;
        };
        return { seq: row.seq, incidentId: event.incidentId, version, event };
      });
      const r = item.request;
      if (r)
        q.insertRequest.run(
          r.userId,
          r.requestId,
          r.fingerprint,
          r.status,
          JSON.stringify(r.body),
          Date.now(),
        );
      if (item.audit) recordRefusal(item.audit);
      for (const f of item.files ?? [])
        q.insertFile.run(f.id, f.incidentId, f.taskId, f.name, f.type, f.size, f.sha256, f.data, f.by, f.at);
      return facts;
    }),
  );
  const saveSnapshots = db.transaction((snapshots: Snapshot[]) => {
    for (const s of snapshots) q.saveSnapshot.run(s.incidentId, s.version, JSON.stringify(s.state));
  });
  const createUsers = db.transaction((users: UserRecord[]) => {
    for (const u of users)
      q.insertUser.run(
        u.id,
        u.username,
        u.passwordHash,
        u.role,
        u.unitId,
        u.createdAt,
        u.mode,
        u.name ?? null,
        u.post ?? null,
      );
  });
  // a new session and the end of the user's oldest beyond `keep`, together (rowid breaks a tie of times)
  const createSession = db.transaction((s: SessionRecord, keep: number) => {
    q.insertSession.run(s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.mode);
    const ended = q.trimSessions.all(s.userId, s.userId, keep) as { token_hash: string }[];
    return ended.map((r) => r.token_hash);
  });

  // better-sqlite3 is synchronous; the async signatures are the interface a networked store needs
  return {
    commit: async (batch) => commitBatch(batch),
    factsAfter: async (seq, limit, maxBytes = Infinity) =>
      pageOf(q.factsAfter.iterate(seq, limit) as IterableIterator<EventRow>, maxBytes).facts,
    factsBefore: async (incidentId, beforeVersion, limit, maxBytes) => {
      // read newest first until the page is full, then hand it over in order
      const page = pageOf(
        q.factsBefore.iterate(incidentId, beforeVersion, limit) as IterableIterator<EventRow>,
        maxBytes,
      );
      return { facts: page.facts.reverse(), bytes: page.bytes };
    },
    factsOf: async (incidentId, afterVersion = 0) =>
      (q.factsOf.all(incidentId, afterVersion) as EventRow[]).map(toFact),
    head: async () => (q.head.get() as { head: number }).head,
    incidents: async () =>
      (
        q.incidents.all() as {
          id: string;
          plan_id: string;
          place: string | null;
          created_at: number;
          created_by: string;
        }[]
      ).map((r): IncidentRecord => ({
        id: r.id,
        planId: r.plan_id,
        place: r.place ? JSON.parse(r.place) : null,
        createdAt: r.created_at,
        createdBy: r.created_by,
      })),
    snapshots: async () =>
      (q.snapshots.all() as { incident_id: string; version: number; state: string }[]).map((r) => ({
        incidentId: r.incident_id,
        version: r.version,
        state: JSON.parse(r.state),
      })),
    saveSnapshots: async (snapshots) => saveSnapshots(snapshots),
    findRequests: async (keys) =>
      (
        q.findRequests.all(JSON.stringify(keys.map((k) => [k.userId, k.requestId]))) as {
          user_id: string;
          request_id: string;
          fingerprint: string;
          status: number;
          body: string;
        }[]
      ).map((r): RequestRecord => ({
        userId: r.user_id,
        requestId: r.request_id,
        fingerprint: r.fingerprint,
        status: r.status,
        body: JSON.parse(r.body),
      })),
    sweep: async (now) => ({
      requests: q.sweepRequests.run(now - RETENTION.requestsMs).changes,
      audit: q.sweepAudit.run(now - RETENTION.auditMs).changes,
    }),
    audit: async (limit) =>
      (q.audit.all(limit) as Record<string, unknown>[]).map((r): AuditEntry => ({
        count: r.count as number,
        lastAt: r.last_at as number,
        at: r.at as number,
        userId: r.user_id as string,
        role: r.role as string,
        unitId: r.unit_id as string | null,
        command: r.command as string,
        target: r.target as string | null,
        code: r.code as string,
        message: r.message as string,
      })),
    countUsers: async () => (q.countUsers.get() as { n: number }).n,
    createUsers: async (users) => createUsers(users),
    findUser: async (username) => {
      const r = q.findUser.get(username) as UserRow | undefined;
      return r ? toUser(r) : null;
    },
    people: async (limit) =>
      (q.people.all(limit) as Omit<UserRow, 'password_hash' | 'created_at'>[]).map((r): PersonRecord => ({
        id: r.id,
        username: r.username,
        role: r.role,
        unitId: r.unit_id,
        mode: r.mode,
        name: r.name,
        post: r.post,
      })),
    createSession: async (s: SessionRecord, keep: number) => createSession(s, keep),
    findSession: async (tokenHash) => {
      const r = q.findSession.get(tokenHash) as
        | (UserRow & {
            token_hash: string;
            s_created_at: number;
            expires_at: number;
            s_mode: SessionRecord['mode'];
          })
        | undefined;
      if (!r) return null;
      const session = {
        tokenHash: r.token_hash,
        userId: r.id,
        createdAt: r.s_created_at,
        expiresAt: r.expires_at,
        mode: r.s_mode,
      };
      return { session, user: toUser(r) };
    },
    deleteSession: async (tokenHash) => {
      q.deleteSession.run(tokenHash);
    },
    deleteExpiredSessions: async (now) =>
      (q.expiredSessions.all(now) as { token_hash: string }[]).map((r) => r.token_hash),
    file: async (id) => {
      const r = q.file.get(id) as
        | {
            id: string;
            incident_id: string;
            task_id: string;
            name: string;
            type: string;
            size: number;
            sha256: string;
            data: Buffer;
            by: string;
            at: number;
          }
        | undefined;
      if (!r) return null;
      const { incident_id, task_id, ...rest } = r;
      return { ...rest, incidentId: incident_id, taskId: task_id } satisfies FileRecord;
    },
    uploadsSince: async (by, since) => q.uploadsSince.all(by, since) as { at: number; size: number }[],
    directory: async () =>
      (q.directory.all() as Record<string, unknown>[]).map((r): DirectoryEntry => ({
        unitId: String(r.unit_id),
        contacts: JSON.parse(String(r.contacts)),
        position: r.position === null ? null : JSON.parse(String(r.position)),
        updatedBy: String(r.updated_by),
        updatedAt: Number(r.updated_at),
      })),
    saveDirectoryEntry: async (e) => {
      q.saveDirectory.run(
        e.unitId,
        JSON.stringify(e.contacts),
        e.position ? JSON.stringify(e.position) : null,
        e.updatedBy,
        e.updatedAt,
      );
    },
    getMeta: async (key) => (q.getMeta.get(key) as { value: string } | undefined)?.value ?? null,
    setMeta: async (key, value) => {
      q.setMeta.run(key, value);
    },
    integrity: async () => String(db.pragma('integrity_check', { simple: true })),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
