/**
 * The engine.io connection under each socket, guarded before socket.io reads anything: a connection that
 * sends more packets than a person could (of any kind: events, CONNECTs to made-up namespaces, acks) is cut
 * off, and so is one that lets what the server sends it pile up (a client that never reads). socket.io's
 * own counters see only event packets, and engine.io bounds neither, so without this one account could fill
 * the heap with answers it never reads.
 */

/** What this module uses of an engine.io connection (io.engine's 'connection' event hands one over). */
export interface EngineConnection {
  transport: unknown;
  close(discard?: boolean): unknown;
  on(event: 'packet' | 'packetCreate', listener: () => void): unknown;
}

export interface WireLimits {
  /** packets a connection may send in `packetWindowMs` */
  packetsPerWindow: number;
  packetWindowMs: number;
  /** packets waiting for a polling client, and bytes waiting for a websocket one */
  queuedPackets: number;
  queuedBytes: number;
}

/** Ends the connection now and drops what waits to be sent to it. */
function cutOff(conn: EngineConnection): void {
  const ws = (conn.transport as unknown as { socket?: { terminate?: () => void } }).socket;
  ws?.terminate?.();
  conn.close(true);
}

export function guardConnection(conn: EngineConnection, limits: WireLimits): void {
  let windowStart = Date.now();
  let packets = 0;
  conn.on('packet', () => {
    const now = Date.now();
    if (now - windowStart >= limits.packetWindowMs) {
      windowStart = now;
      packets = 0;
    }
    packets += 1;
    if (packets === limits.packetsPerWindow + 1) {
      console.warn(
        'socket cut off: more than %d packets in %d ms',
        limits.packetsPerWindow,
        limits.packetWindowMs,
      );
      cutOff(conn);
    }
  });
  conn.on('packetCreate', () => {
    const ws = (conn.transport as unknown as { socket?: { bufferedAmount?: number } }).socket;
    const queued = (conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
    if (queued > limits.queuedPackets || (ws?.bufferedAmount ?? 0) > limits.queuedBytes) cutOff(conn);
  });
}
