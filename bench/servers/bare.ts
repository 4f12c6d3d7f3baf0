/**
 * The baseline: bare socket.io on the same machine with the same transport settings (websocket only,
 * per-message deflate off, bufferutil), no store, no engine, no authentication. POST /emit sends each room the
 * packet the project sent to the same unit for a declaration (its facts, renumbered); `command` answers at once, as an ack echo.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

let seq = 0;
const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') return void res.writeHead(404).end();
  let body = '';
  req.on('data', (d) => (body += String(d)));
  req.on('end', () => {
    // the packets the project sent to each unit room for a declaration, with this marker as the incident
    const { packets, marker } = JSON.parse(body) as {
      packets: { seq: number; event: { incidentId: string } }[][];
      marker: string;
    };
    packets.forEach((packet, r) => {
      const facts = packet.map((f) => ({ ...f, seq: (seq += 1), event: { ...f.event, incidentId: marker } }));
      io.to(`room:${r}`).emit('facts', facts);
    });
    res
      .writeHead(201, { 'content-type': 'application/json' })
      .end(JSON.stringify({ incident: { id: marker } }));
  });
});
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
io.on('connection', (socket) => {
  void socket.join(`room:${String(socket.handshake.query.room ?? '0')}`);
  socket.on('command', (p: { requestId?: string }, reply: (r: unknown) => void) =>
    reply({ ok: true, status: 200, body: { requestId: p?.requestId } }),
  );
  socket.on('sync', (_p: unknown, reply: (r: unknown) => void) => reply({ facts: [], upTo: 0, more: false }));
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (http.address() as AddressInfo).port });
});
process.on('message', async (m: { type: string }) => {
  if (m.type === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: 'memory', heapUsed: process.memoryUsage().heapUsed });
  } else if (m.type === 'stop') {
    await io.close();
    process.exit(0);
  }
});
