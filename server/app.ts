/** The Express app: JSON API under /api, the built client for everything else. */
import { CONTRACT } from '../shared/protocol/contract.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import express, { type RequestHandler, type Response } from 'express';
import type { Sessions } from './auth/sessions.ts';
import type { Directory } from './directory.ts';
import { demoLabel, loadUser, sameSiteOnly } from './http/auth.ts';
import { directoryRoutes, type MapConfig } from './http/directory.ts';
import { errorHandler, sendError } from './http/errors.ts';
import { pacedReads } from './http/reads.ts';
import { allowedHostsOnly, type HostCheck, hostCheck, noStore, securityHeaders } from './http/headers.ts';
import { afterRoutes } from './http/after.ts';
import { type AttachmentLimits, attachmentRoutes } from './http/attachments.ts';
import { incidentRoutes } from './http/incidents.ts';
import { noteRoutes } from './http/notes.ts';
import { peopleRoutes } from './http/people.ts';
import { planRoutes } from './http/plans.ts';
import { sessionRoutes } from './http/session.ts';
import { clientFiles } from './http/static.ts';
import type { ExportPool } from './exports/pool.ts';
import type { Gate } from './live/gate.ts';
import type { IncidentService } from './live/incidents.ts';
import type { Store } from './store/types.ts';
import { shapeProblem } from '../shared/protocol/shape.ts';

const CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));

export interface AppDeps {
  service: IncidentService;
  gate: Gate;
  sessions: Sessions;
  directory: Directory;
  /** renders exported files off the main thread */
  files: ExportPool;
  /** the accounts' names and posts (GET /api/people) */
  store: Store;
  map: MapConfig;
  demo: boolean;
  now: () => number;
  loginAttempts: number;
  loginWindowMs: number;
  /** successful logins of one account a minute (LOGIN_LIMITS.successesPerAccount unless raised) */
  loginSuccesses?: number;
  trustProxy?: string;
  /** the Host names answered (ALLOWED_HOSTS); loopback and this machine's names and addresses when absent */
  hosts?: HostCheck;
  /** ATTACHMENTS' bounds, lowered by a test */
  attachments?: Partial<AttachmentLimits>;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are no-store, so an ETag buys nothing; and a 304 for a matching one would still cost the
  // whole answer (and its hash) while sending no bytes for the read pace to charge
  app.set('etag', false);
  if (deps.trustProxy) app.set('trust proxy', deps.trustProxy);
  app.use(securityHeaders(deps.map));
  app.use('/api', noStore);
  // answers over 1 KB compressed (brotli or gzip, as the client accepts); socket.io answers before Express
  // and is not touched, nor are the built files, which are compressed at build (http/static.ts)
  app.use('/api', compression({ threshold: 1024, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } } }));
  app.use('/api', chargeUncompressed(deps.gate));
  app.use(allowedHostsOnly(deps.hosts ?? hostCheck()));
  app.use(demoLabel(deps.demo));
  // an attached file is not JSON: its routes come before the JSON-only check and make their own
  app.use('/api', attachmentRoutes(deps));
  app.use('/api', sameSiteOnly);
  app.use(express.json({ limit: '64kb', strict: true }));
  // the shape of every body is bounded before anything reads it (a 12 KB body nested thousands deep would
  // overflow every recursive reader after it)
  app.use('/api', (req, res, next) => {
    const problem = req.body === undefined ? null : shapeProblem(req.body);
    if (problem) return sendError(res, 'INVALID', problem.zh, problem.en);
    next();
  });
  app.get(CONTRACT.health.path, (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api', loadUser(deps.sessions, deps.now));
  app.use('/api', pacedReads(deps.gate));
  app.use('/api', sessionRoutes(deps));
  app.use('/api', planRoutes());
  app.use('/api', incidentRoutes(deps.service, deps.gate, deps.now));
  app.use('/api', noteRoutes(deps.service));
  app.use('/api', afterRoutes(deps.service, deps.store, deps.now, deps.files, deps.gate));
  app.use('/api', directoryRoutes(deps.directory, deps.map, deps.gate, deps.now));
  app.use('/api', peopleRoutes(deps.store));
  app.use('/api', (_req, res) => sendError(res, 'NOT_FOUND', '没有该接口', 'No such endpoint'));
  if (existsSync(CLIENT_DIR)) app.use(clientFiles(CLIENT_DIR));
  app.use(errorHandler);
  return app;
}

/**
 * The read pace (http/reads.ts) charges an answer a point for every 32 KB by its Content-Length, which
 * compression removes: a compressed answer is charged here, by the length it had before compression, so a
 * client that accepts gzip pays what one that does not pays (the main thread built the same answer, and
 * compressed it too).
 */
function chargeUncompressed(gate: Gate): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET') return next(); // HEAD sends no body, so nothing is compressed
    let plain = 0;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    // outside compression's own end(): the length express set is still there
    res.end = ((...args: unknown[]) => {
      plain = Number(res.getHeader('content-length') ?? 0);
      return end(...args);
    }) as Response['end'];
    res.once('finish', () => {
      const compressed = res.getHeader('content-encoding') && res.getHeader('content-length') === undefined;
      if (req.user && compressed) void gate.charge(req.user.id, plain).catch(() => {});
    });
    next();
  };
}
