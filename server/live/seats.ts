/**
 * Who holds a live socket: per session, and units and staff all told, so that one session cannot open
 * thousands and a flood of unit sockets never takes the places kept for the duty office. A seat is taken
 * in the same turn as the check (concurrent handshakes cannot all slip under a cap) and given back exactly
 * once, whichever comes first: the socket's disconnect or its connection's close. A connection that closed
 * before its handshake finished (a client can send CONNECT and close in one packet) gets no seat at all.
 */
import type { SessionUser } from '../auth/sessions.ts';
import { isStaff } from './visibility.ts';

export interface SeatLimits {
  socketsPerSession: number;
  sockets: number;
  staffReserve: number;
}

export type SeatRefusal = { code: 'RATE_LIMITED' | 'UNAVAILABLE'; zh: string; en: string };

export class Seats {
  private readonly perSession = new Map<string, number>();
  private units = 0;
  private staff = 0;

  constructor(private readonly limits: SeatLimits) {}

  /** A seat and the function that gives it back (idempotent), or why there is none. */
  take(user: SessionUser): { release: () => void } | SeatRefusal {
    const { socketsPerSession, sockets, staffReserve } = this.limits;
    const mine = this.perSession.get(user.sessionId) ?? 0;
    if (mine >= socketsPerSession)
      return {
        code: 'RATE_LIMITED',
        zh: `该会话的实时连接已达上限（${socketsPerSession} 个），请关闭多余的页面`,
        en: `This session already has ${socketsPerSession} live connections; close a tab`,
      };
    const staff = isStaff(user);
    const total = this.units + this.staff;
    if (total >= sockets || (!staff && total >= sockets - staffReserve))
      return {
        code: 'UNAVAILABLE',
        zh: '服务器连接已满，请稍后再试',
        en: 'The server is full; try again later',
      };
    this.perSession.set(user.sessionId, mine + 1);
    if (staff) this.staff += 1;
    else this.units += 1;
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        const left = (this.perSession.get(user.sessionId) ?? 1) - 1;
        if (left > 0) this.perSession.set(user.sessionId, left);
        else this.perSession.delete(user.sessionId);
        if (staff) this.staff -= 1;
        else this.units -= 1;
      },
    };
  }

  /** seats held now: by this session, and all told */
  held(sessionId?: string): number {
    return sessionId === undefined ? this.units + this.staff : (this.perSession.get(sessionId) ?? 0);
  }
}
