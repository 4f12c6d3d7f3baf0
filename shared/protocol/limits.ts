/**
 * Every bound on what a user can cause, in one place: the threat table in docs/reliability.md names these.
 * A limit here is a promise to the people on duty that no one account, and no anonymous client, can stop or
 * slow the console; each is sized well above what a real response needs.
 */

/** The shape of any JSON payload, checked before anything else reads it (an explicit stack, no recursion). */
export const PAYLOAD = {
  /** nesting of objects and arrays; the deepest real body (a place inside a declaration) is 3 */
  maxDepth: 8,
  /** objects, arrays and values all told */
  maxNodes: 2_000,
  /** keys of one object, and the length of a key (every real key is a short identifier) */
  maxKeys: 64,
  maxKeyLength: 64,
  /** characters of one string (the longest field is a 10,000-character section of the 总结评估, REVIEW) */
  maxString: 10_000,
} as const;

/**
 * Commands, sync pages and API reads per account in each window of `windowSeconds` (a minute), whatever the
 * transport; a burst may use a window's whole allowance. The scheduler's ticks are not counted.
 */
export const RATE = {
  windowSeconds: 60,
  /** commands that passed validation, accepted or refused (a refusal costs a decision and an audit row) */
  commands: 240,
  /** sync pages: a reconnecting browser needs one or two */
  syncPages: 120,
  /**
   * API reads, in points: one a request and one more for every 32 KB of its answer, so an expensive read
   * costs what it costs: 6,000 points are about 190 MB of answers a minute at most. A leader's browser
   * re-reads a busy incident's view (up to ~250 KB) a few times a second at most, which stays inside it
   */
  reads: 6_000,
  /** API reads without an account, per address: the login page, health checks, the public plans */
  anonymousReads: 600,
  /** socket messages of any kind, valid or not, read before anything parses them */
  socketMessages: 1_200,
  /** socket.io handshakes (a browser reconnecting needs a few) */
  handshakes: 120,
};

/** One page of `sync`: at most this many facts and about this many bytes of stored JSON. */
export const SYNC_PAGE = { facts: 2_000, bytes: 512 * 1024 } as const;

/** One page of an incident's log (`GET /api/incidents/:id/events`): the newest facts first. */
export const EVENTS_PAGE = { default: 200, max: 1_000, bytes: 512 * 1024 } as const;

/** What the store keeps of what users caused besides the log itself. */
export const RETENTION = {
  /** a stored first answer serves retries of the same requestId; a retry a day later is decided afresh */
  requestsMs: 24 * 3600_000,
  /** refused commands stay on the record for a year and a season: long enough for an annual review */
  auditMs: 400 * 24 * 3600_000,
  /** distinct refused-command rows per account per hour; past it they fold into one row per command and code */
  auditRowsPerHour: 50,
} as const;

/** Connections: per session, per address, all told, and how long a request may take to arrive. */
export const CONNECTIONS = {
  socketsPerSession: 8,
  /** TCP connections from one address (not applied behind a trusted proxy, where every client shares one) */
  perAddress: 256,
  /** every live socket; units are refused past `sockets - staffReserve`, so staff can always connect */
  sockets: 5_000,
  staffReserve: 500,
  /** TCP connections all told */
  total: 10_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  /** packets one socket connection may send in `packetWindowMs` (any kind; a person sends a few a minute) */
  packetsPerWindow: 2_000,
  packetWindowMs: 10_000,
  /** what may wait to be sent to one socket connection before it is cut off (a client that never reads) */
  queuedPackets: 1_000,
  queuedBytes: 8 * 1024 * 1024,
  /** a connection on which nothing moves for this long, either way, is closed: a client that never reads
   * its answer holds that answer's memory no longer than this */
  idleTimeoutMs: 60_000,
};

/**
 * A task's progress reports ("notes"). Every note stays in the incident's state, its snapshots and its log,
 * so one unit reporting without pause would otherwise grow every staff member's view and the server's memory
 * without end (issue 11: 18,839 reports in 30 s, 12 GB). A real task gets a report every half hour for two
 * days (96) of a few hundred characters; the final report with `done: true` is always accepted once more, so
 * a full task is never stuck showing undone work. The views carry only the latest `inView` notes; the whole
 * history is paged from GET /api/tasks/:taskId/notes.
 */
export const NOTES = {
  /** progress reports one task keeps, the completion report not counted */
  perTask: 100,
  /** characters of all of one task's progress reports together (25 reports of the longest 2,000) */
  charsPerTask: 50_000,
  /** the latest notes each task view carries */
  inView: 3,
  /** a page of the history: at most, and when the query does not say */
  pageMax: 50,
  pageDefault: 20,
} as const;

/**
 * The office's 总结评估 sections (经验, 问题, 改进建议). Each version written stays in the log, so the number of
 * versions is bounded as well as their length: a real summary is rewritten a few times, not hundreds.
 */
export const REVIEW = {
  /** characters of one section: a few pages of 仿宋 text */
  charsPerSection: 10_000,
  /** versions of one section the log keeps; the last one is kept as the section */
  editsPerSection: 30,
} as const;

/**
 * Files attached to a task's report (the written reports the plans require). The bytes are stored beside
 * the log, so each account's uploads are bounded per file, per task and per day.
 */
export const ATTACHMENTS = {
  /** one file: a scanned report of a dozen pages */
  maxBytes: 8 * 1024 * 1024,
  /** files attached to one task */
  perTask: 5,
  /** bytes one account may upload in a day */
  bytesPerAccountPerDay: 64 * 1024 * 1024,
  /** characters of a report typed in as text (kept as a .txt file) */
  maxTextChars: 50_000,
  /** the kinds of files accepted, by type: documents, spreadsheets, pictures and plain text */
  types: {
    'application/pdf': 'pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
    'application/msword': 'doc',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
    'application/vnd.ms-excel': 'xls',
    'application/vnd.ms-works': 'wps',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'text/plain': 'txt',
  } as Readonly<Record<string, string>>,
} as const;

/**
 * How often, at most, a records page (台账, history, statistics) asks its question again while facts arrive
 * for what it reads: a ledger over 20,000 rows costs its reader 200 read points (RATE.reads) each time, so
 * a leader watching it through a busy response spends at most 1,200 of the minute's 6,000.
 */
export const LIVE_REFRESH_MS = 10_000;
