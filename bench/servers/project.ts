/**
 * The project's server for the benchmarks, in its own process (run with --expose-gc): the real
 * startServer on a real SQLite file. The orchestrator asks it over IPC for its heap and its sequence.
 */
import { startServer } from '../../server/main.ts';

const server = await startServer({
  port: Number(process.env.PORT ?? 0),
  host: '127.0.0.1',
  dataDir: process.env.DATA_DIR ?? './bench-data',
  production: false,
  // the load generator logs in thousands of times from one address, shares a session among many sockets
  // and acknowledges as fast as it can: the benchmarks measure the pipeline, not the abuse bounds
  loginAttempts: 1_000_000,
  loginSuccesses: 1_000_000,
  // the staff-browser benchmark signs in hundreds of watchers with a handful of staff accounts
  sessionsPerUser: 10_000,
  limits: {
    rate: {
      commands: 1e9,
      syncPages: 1e9,
      reads: 1e9,
      anonymousReads: 1e9,
      socketMessages: 1e9,
      handshakes: 1e9,
    },
    connections: {
      perAddress: 1e6,
      socketsPerSession: 1e6,
      sockets: 1e6,
      total: 1e6,
      packetsPerWindow: 1e9,
    },
  },
});
const send = (m: unknown) => process.send?.(m);
send({ type: 'ready', port: server.port });
process.on('message', async (m: { type: string }) => {
  if (m.type === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    send({ type: 'memory', heapUsed: process.memoryUsage().heapUsed });
  } else if (m.type === 'head') {
    send({ type: 'head', head: await server.service.head() });
  } else if (m.type === 'stop') {
    await server.close();
    process.exit(0);
  }
});
