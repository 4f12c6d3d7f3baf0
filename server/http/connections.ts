/**
 * TCP connections: how many one address may hold, how many all told, and how long a request may take to
 * arrive. A client that opens thousands of connections, or sends its headers a byte a minute (slowloris),
 * holds file descriptors everyone needs; past the cap its new connections are closed at once, and a
 * half-sent request is dropped after `headersTimeoutMs`, and a connection on which nothing moves (a client
 * that never reads its answer) after `idleTimeoutMs`.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { CONNECTIONS } from '../../shared/protocol/limits.ts';
import { addressKey } from './address.ts';

export type ConnectionLimits = Pick<
  typeof CONNECTIONS,
  'perAddress' | 'total' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'idleTimeoutMs'
>;

export function boundConnections(
  server: Server,
  limits: ConnectionLimits,
  /** behind a trusted proxy every client arrives from the proxy's address: the proxy limits per client */
  perAddress: boolean,
): { open: () => number } {
  server.maxConnections = limits.total;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // socket.io's websockets ping every 25 s, so a live one is never idle this long
  server.timeout = limits.idleTimeoutMs;
  const byAddress = new Map<string, number>();
  let open = 0;
  server.on('connection', (socket: Socket) => {
    const address = addressKey(socket.remoteAddress ?? '?');
    const held = byAddress.get(address) ?? 0;
    if (perAddress && held >= limits.perAddress) {
      socket.destroy();
      return;
    }
    byAddress.set(address, held + 1);
    open += 1;
    socket.once('close', () => {
      open -= 1;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left > 0) byAddress.set(address, left);
      else byAddress.delete(address);
    });
  });
  return { open: () => open };
}
