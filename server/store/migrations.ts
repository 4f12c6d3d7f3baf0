/**
 * Schema migrations, run in order at start inside one transaction each. `user_version` records the last one
 * applied, so a restart applies only what is new. Never edit a migration that has shipped; add one.
 */
import type { Database } from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     incident_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     type TEXT NOT NULL,
     at INTEGER NOT NULL,
     body TEXT NOT NULL,
     UNIQUE (incident_id, version)
   );
   CREATE TABLE incidents (
     id TEXT PRIMARY KEY,
     plan_id TEXT NOT NULL,
     place TEXT,
     created_at INTEGER NOT NULL,
     created_by TEXT NOT NULL
   );
   CREATE TABLE snapshots (incident_id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL);
   CREATE TABLE requests (
     user_id TEXT NOT NULL,
     request_id TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     status INTEGER NOT NULL,
     body TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (user_id, request_id)
   );
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     user_id TEXT NOT NULL,
     role TEXT NOT NULL,
     unit_id TEXT,
     command TEXT NOT NULL,
     target TEXT,
     code TEXT NOT NULL,
     message TEXT NOT NULL
   );
   CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     role TEXT NOT NULL,
     unit_id TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_expiry ON sessions (expires_at);`,
  // the duty directory an administrator keeps: contacts the plans do not give, and map positions
  `CREATE TABLE directory (
     unit_id TEXT PRIMARY KEY,
     contacts TEXT NOT NULL,
     position TEXT,
     updated_by TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  // abuse bounds (issue 11): an account and a session remember the mode they were made in, so production
  // refuses what demo mode created; repeated refusals fold into one audit row (`repeat_key`, `count`,
  // `last_at`); stored answers and audit rows are swept by age (indexes on their times)
  `ALTER TABLE users ADD COLUMN mode TEXT NOT NULL DEFAULT 'production';
   UPDATE users SET mode = 'demo' WHERE (SELECT value FROM meta WHERE key = 'mode') = 'demo';
   ALTER TABLE sessions ADD COLUMN mode TEXT NOT NULL DEFAULT 'demo';
   ALTER TABLE audit ADD COLUMN repeat_key TEXT;
   ALTER TABLE audit ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE audit ADD COLUMN last_at INTEGER;
   UPDATE audit SET last_at = at;
   CREATE UNIQUE INDEX audit_repeat ON audit (repeat_key);
   CREATE INDEX audit_user_time ON audit (user_id, at);
   CREATE INDEX audit_last_at ON audit (last_at);
   CREATE INDEX requests_at ON requests (at);
   CREATE INDEX sessions_user ON sessions (user_id);`,
  // people on the record (issue 12): an account's display name and post (职务), so the timeline names a
  // person, not a login id. NULL is "not given": nothing is filled in for accounts made before
  `ALTER TABLE users ADD COLUMN name TEXT;
   ALTER TABLE users ADD COLUMN post TEXT;`,
  // attached reports (issue 14): a unit's written report (a file, or typed text kept as .txt) on a task,
  // stored whole beside the log and written in the same transaction as the TaskReported fact that names it;
  // (by, at) serves the per-account daily quota
  `CREATE TABLE files (
     id TEXT PRIMARY KEY,
     incident_id TEXT NOT NULL,
     task_id TEXT NOT NULL,
     name TEXT NOT NULL,
     type TEXT NOT NULL,
     size INTEGER NOT NULL,
     sha256 TEXT NOT NULL,
     data BLOB NOT NULL,
     by TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX files_by_at ON files (by, at);
   CREATE INDEX files_task ON files (incident_id, task_id);`,
];

export function migrate(db: Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.forEach((sql, i) => {
    if (i < applied) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${i + 1}`);
    })();
  });
}
