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
  SyncRequest,
} from '../../shared/protocol/live.ts';
import type { SessionEnd, SessionUser, Sessions } from '../auth/sessions.ts';
import { sessionToken } from '../http/auth.ts';
import { explain } from '../http/validate.ts';
import type { StoredFact } from '../store/types.ts';
import { toRequest } from './commands.ts';
import { errorReply, type IncidentService } from './incidents.ts';
import { factFor, factsByUnit, isStaff } from './visibility.ts';

const STAFF_ROOM = 'staff';
const unitRoom = (unitId: string) => `unit:${unitId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const SYNC_PAGE = 2000;

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

export function attachSockets(
  http: HttpServer,
  deps: { sessions: Sessions; service: IncidentService; now: () => number },
): LiveSockets {
  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>(http, {
    path: '/socket.io',
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: 64 * 1024,
    // a same-origin app: browsers on other sites may not open a socket with the user's cookie
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || URL.parse(origin)?.host === req.headers.host);
    },
  });

  io.use(async (socket, next) => {
    const user = await deps.sessions.resolve(sessionToken(socket.handshake.headers.cookie), deps.now());
    if (!user) return next(new Error('UNAUTHENTICATED: 请先登录 / Please log in'));
    socket.data.user = user;
    next();
  });

  io.on('connection', (socket) => {
    const user = socket.data.user;
    void socket.join([
      sessionRoom(user.sessionId),
      ...(isStaff(user) ? [STAFF_ROOM] : user.unitId ? [unitRoom(user.unitId)] : []),
    ]);

    socket.on('sync', async (raw, reply) => {
      if (typeof reply !== 'function') return;
      const req = SyncRequest.safeParse(raw);
      if (!req.success) return reply(invalid(req.error));
      // a page of the log after `after`, cut down to what this user may see
      const facts = await deps.service.factsAfter(req.data.after, SYNC_PAGE);
      const visible = facts.flatMap((f) => {
        const planId = deps.service.state(f.incidentId)?.planId;
        const seen = planId ? factFor(user, planId, f) : null;
        return seen ? [{ seq: seen.seq, version: seen.version, event: seen.event }] : [];
      });
      const upTo = facts.at(-1)?.seq ?? Math.max(req.data.after, await deps.service.head());
      reply({ facts: visible, upTo, more: facts.length === SYNC_PAGE });
    });

    socket.on('command', async (raw, reply) => {
      if (typeof reply !== 'function') return;
      const cmd = SocketCommand.safeParse(raw);
      if (!cmd.success) return reply(invalid(cmd.error));
      const req = toRequest(user, cmd.data);
      if ('invalid' in req) return reply(errorReply('INVALID', req.invalid[0], req.invalid[1]));
      reply(await deps.service.execute(req));
    });
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
