/**
 * socket.io: the session cookie authenticates; each socket joins the rooms its role and unit allow; every
 * fact goes out with its sequence number; `sync {after}` answers, a page at a time, what comes after it that
 * the user may see. Commands over the socket go through the same validation, pace and service as REST.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { planById } from '../../shared/plans/index.ts';
import {
  type ClientToServer,
  type CommandReply,
  type Fact,
  type ServerToClient,
  SocketCommand,
  type SyncReply,
  SyncRequest,
} from '../../shared/protocol/live.ts';
import type { SessionEnd, SessionUser, Sessions } from '../auth/sessions.ts';
import { sessionToken } from '../http/auth.ts';
import { hostAllowed } from '../http/headers.ts';
import { explain } from '../http/validate.ts';
import { CONNECTIONS, SYNC_PAGE } from '../../shared/protocol/limits.ts';
import { shapeProblem } from '../../shared/protocol/shape.ts';
import type { StoredFact } from '../store/types.ts';
import { toRequest } from './commands.ts';
import type { Gate } from './gate.ts';
import { type SeatLimits, Seats } from './seats.ts';
import { type EngineConnection, guardConnection, type WireLimits } from './wire.ts';
import type { IncidentService } from './incidents.ts';
import { errorReply } from './replies.ts';
import { factFor, factsByUnit, isStaff } from './visibility.ts';

const STAFF_ROOM = 'staff';
const unitRoom = (unitId: string) => `unit:${unitId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

interface SocketData {
  user: SessionUser;
}

export interface LiveSockets {
  /** live sockets holding a seat: of one session, or all told */
  seated(sessionId?: string): number;
  io: Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
  endSession(sessionId: string, why: SessionEnd): void;
}

const invalid = (error: Parameters<typeof explain>[0]): CommandReply => {
  const e = explain(error);
  return errorReply('INVALID', e.zh, e.en, e.details);
};

/** A handler fault answers its own request and is logged in one line; it never reaches the process. */
const INTERNAL = errorReply('INTERNAL', '无法处理该请求', 'The request could not be handled');
const guarded =
  <A extends unknown[]>(name: string, handler: (...args: A) => Promise<void>) =>
  (...args: A) =>
    void handler(...args).catch((err: unknown) => {
      console.error(`socket ${name} failed:`, err instanceof Error ? err.message : err);
      const reply = args.at(-1);
      if (typeof reply === 'function') (reply as (r: CommandReply) => void)(INTERNAL);
    });

const refusedShape = (raw: unknown): CommandReply | null => {
  const problem = shapeProblem(raw);
  return problem ? errorReply('INVALID', problem.zh, problem.en) : null;
};

export function attachSockets(
  http: HttpServer,
  deps: {
    sessions: Sessions;
    service: IncidentService;
    gate: Gate;
    now: () => number;
    limits?: SeatLimits & WireLimits;
  },
): LiveSockets {
  const seats = new Seats(deps.limits ?? CONNECTIONS);
  const wire = deps.limits ?? CONNECTIONS;
  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>(http, {
    path: '/socket.io',
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: 64 * 1024,
    // who may open an engine.io connection at all: a page of this origin (a browser on another site may not
    // use the user's cookie), under the console's own host names (DNS rebinding, server/http/headers.ts),
    // with a live session and a few handshakes a minute per account: an engine.io session costs memory for
    // as long as it lives, so nobody without an account may open one, and no account thousands
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const sameOrigin = !origin || URL.parse(origin)?.host === req.headers.host;
      if (!sameOrigin || !hostAllowed(http, req.headers.host)) return callback(null, false);
      void (async () => {
        const user = await deps.sessions.resolve(sessionToken(req.headers.cookie), deps.now());
        if (!user) return callback('UNAUTHENTICATED: 请先登录 / Please log in', false);
        if (!(await deps.gate.handshake(user.id)))
          return callback(
            'RATE_LIMITED: 连接过于频繁，请稍后再试 / Too many connections; try again later',
            false,
          );
        callback(null, true);
      })().catch(() => callback(null, false));
    },
    // a connection that has not joined the namespace within this long is closed
    connectTimeout: 10_000,
  });

  // every engine.io connection is watched for floods and for answers it never reads (wire.ts)
  io.engine.on('connection', (conn: EngineConnection) => guardConnection(conn, wire));

  // who may connect: a live session with a seat left (seats.ts)
  io.use((socket, next) => {
    void (async () => {
      const user = await deps.sessions.resolve(sessionToken(socket.handshake.headers.cookie), deps.now());
      if (!user) return next(new Error('UNAUTHENTICATED: 请先登录 / Please log in'));
      // the client may have closed while the session was looked up: such a socket never connects, and
      // never disconnects either, so it must take no seat
      if (socket.conn.readyState !== 'open') return next(new Error('UNAVAILABLE: 连接已关闭 / Closed'));
      const seat = seats.take(user);
      if ('code' in seat) return next(new Error(`${seat.code}: ${seat.zh} / ${seat.en}`));
      socket.once('disconnect', seat.release);
      socket.conn.once('close', seat.release);
      socket.data.user = user;
      next();
    })().catch((err: unknown) => {
      console.error('socket handshake failed:', err instanceof Error ? err.message : err);
      next(new Error('UNAVAILABLE: 暂时无法连接 / Cannot connect right now'));
    });
  });

  io.on('connection', (socket) => {
    const user = socket.data.user;
    void socket.join([
      sessionRoom(user.sessionId),
      ...(isStaff(user) ? [STAFF_ROOM] : user.unitId ? [unitRoom(user.unitId)] : []),
    ]);
    // every message, of any event, valid or not, is counted before anything parses it; past the pace it is
    // answered (when it asks for an answer) and dropped
    socket.use((packet, next) => {
      deps.gate
        .socketMessage(user.id)
        .then((paced) => {
          if (!paced) return next();
          const reply = packet.at(-1);
          if (typeof reply === 'function') (reply as (r: CommandReply) => void)(paced);
        })
        .catch(() => {});
    });
    // one sync page at a time per socket: a client waits for a page before asking for the next
    let syncing = false;

    socket.on(
      'sync',
      guarded('sync', async (raw: unknown, reply: (r: SyncReply | CommandReply) => void) => {
        if (typeof reply !== 'function') return;
        const bad = refusedShape(raw);
        if (bad) return reply(bad);
        const req = SyncRequest.safeParse(raw);
        if (!req.success) return reply(invalid(req.error));
        if (syncing)
          return reply(
            errorReply(
              'RATE_LIMITED',
              '上一页同步尚未完成，请等待后再请求',
              'The previous sync page is still being read; wait for it',
            ),
          );
        const limited = await deps.gate.syncPage(user.id);
        if (limited) return reply(limited);
        syncing = true;
        try {
          // a page of the log after `after` (bounded in facts and bytes), cut down to what this user may see
          const facts = await deps.service.factsAfter(req.data.after, SYNC_PAGE.facts, SYNC_PAGE.bytes);
          const visible = facts.flatMap((f) => {
            const planId = deps.service.state(f.incidentId)?.planId;
            const seen = planId ? factFor(user, planId, f) : null;
            return seen ? [{ seq: seen.seq, version: seen.version, event: seen.event }] : [];
          });
          const head = await deps.service.head();
          const upTo = facts.at(-1)?.seq ?? Math.max(req.data.after, head);
          reply({ facts: visible, upTo, more: upTo < head });
        } finally {
          syncing = false;
        }
      }),
    );

    socket.on(
      'command',
      guarded('command', async (raw: unknown, reply: (r: CommandReply) => void) => {
        if (typeof reply !== 'function') return;
        const bad = refusedShape(raw);
        if (bad) return reply(bad);
        const cmd = SocketCommand.safeParse(raw);
        if (!cmd.success) return reply(invalid(cmd.error));
        const req = toRequest(user, cmd.data);
        if ('invalid' in req) return reply(errorReply('INVALID', req.invalid[0], req.invalid[1]));
        const limited = await deps.gate.command(user.id);
        if (limited) return reply(limited);
        reply(await deps.service.execute(req));
      }),
    );
  });

  // the facts of each commit: in full to staff, cut down per unit to the unit rooms; one packet per room,
  // so a declaration of many facts, or a batch of hundreds of acknowledgements, is encoded once per room
  deps.service.onFacts((facts: StoredFact[]) => {
    const staff: Fact[] = [];
    const byUnit = new Map<string, Fact[]>();
    for (const f of facts) {
      const fact = { seq: f.seq, version: f.version, event: f.event };
      staff.push(fact);
      const planId = planById(deps.service.state(f.incidentId)?.planId ?? '')?.id;
      if (!planId) continue;
      for (const [unitId, seen] of factsByUnit(planId, fact)) {
        const list = byUnit.get(unitId);
        if (list) list.push(seen);
        else byUnit.set(unitId, [seen]);
      }
    }
    if (staff.length > 0) io.to(STAFF_ROOM).emit('facts', staff);
    for (const [unitId, list] of byUnit) io.to(unitRoom(unitId)).emit('facts', list);
  });

  return {
    seated: (sessionId) => seats.held(sessionId),
    io,
    endSession(sessionId, why) {
      io.to(sessionRoom(sessionId)).emit('session:end', { reason: why });
      io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
  };
}
