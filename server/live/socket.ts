/**
 * socket.io: the session cookie authenticates; each socket joins the rooms its role and unit allow; every
 * fact goes out with its sequence number; `sync {after}` answers everything after it that the user may
 * see. Commands over the socket go through the same validation and service as REST.
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
import { errorReply, type IncidentService } from './incidents.ts';
import { factFor, factsByUnit, isStaff } from './visibility.ts';

const STAFF_ROOM = 'staff';
const unitRoom = (unitId: string) => `unit:${unitId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

export type SocketLimits = Pick<typeof CONNECTIONS, 'socketsPerSession' | 'sockets' | 'staffReserve'>;

interface SocketData {
  user: SessionUser;
}

export interface LiveSockets {
  io: Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
  endSession(sessionId: string, why: SessionEnd): void;
}

const invalid = (error: Parameters<typeof explain>[0]): CommandReply => {
  const e = explain(error);
  return {
    ok: false,
    status: 400,
    body: { error: { code: 'INVALID', message: `${e.zh} / ${e.en}`, details: e.details } },
  };
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
    limits?: SocketLimits;
  },
): LiveSockets {
  const limits = deps.limits ?? CONNECTIONS;
  const perSession = new Map<string, number>();
  let unitSockets = 0;
  let staffSockets = 0;
  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>(http, {
    path: '/socket.io',
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: 64 * 1024,
    // a same-origin app: browsers on other sites may not open a socket with the user's cookie
    // and only under the console's own host names, as for REST (DNS rebinding: server/http/headers.ts)
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const sameOrigin = !origin || URL.parse(origin)?.host === req.headers.host;
      callback(null, sameOrigin && hostAllowed(http, req.headers.host));
    },
  });

  // who may connect: a live session, with room left for its sockets; past the global cap less the staff
  // reserve only staff connect, so a flood of unit sockets never locks the duty office out
  io.use((socket, next) => {
    void (async () => {
      const user = await deps.sessions.resolve(sessionToken(socket.handshake.headers.cookie), deps.now());
      if (!user) return next(new Error('UNAUTHENTICATED: 请先登录 / Please log in'));
      const mine = perSession.get(user.sessionId) ?? 0;
      if (mine >= limits.socketsPerSession)
        return next(
          new Error(
            `RATE_LIMITED: 该会话的实时连接已达上限（${limits.socketsPerSession} 个），请关闭多余的页面 / This session already has ${limits.socketsPerSession} live connections; close a tab`,
          ),
        );
      const staff = isStaff(user);
      const total = unitSockets + staffSockets;
      if (total >= limits.sockets || (!staff && total >= limits.sockets - limits.staffReserve))
        return next(
          new Error('UNAVAILABLE: 服务器连接已满，请稍后再试 / The server is full; try again later'),
        );
      // counted in the same turn as the check, so concurrent handshakes cannot all slip under the cap
      perSession.set(user.sessionId, mine + 1);
      if (staff) staffSockets += 1;
      else unitSockets += 1;
      socket.on('disconnect', () => {
        const left = (perSession.get(user.sessionId) ?? 1) - 1;
        if (left > 0) perSession.set(user.sessionId, left);
        else perSession.delete(user.sessionId);
        if (staff) staffSockets -= 1;
        else unitSockets -= 1;
      });
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
    io,
    endSession(sessionId, why) {
      io.to(sessionRoom(sessionId)).emit('session:end', { reason: why });
      io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
  };
}
