/** Wiring only: environment → startServer → one ready line; SIGINT/SIGTERM close the store cleanly. */
import { resolve } from 'node:path';
import { startServer } from './main.ts';

const production = process.env.NODE_ENV === 'production';
const server = await startServer({
  port: Number(process.env.PORT ?? 3000),
  dataDir: resolve(process.env.DATA_DIR ?? './data'),
  production,
  ...(process.env.HOST ? { host: process.env.HOST } : {}),
  ...(process.env.TRUST_PROXY ? { trustProxy: process.env.TRUST_PROXY } : {}),
  ...(process.env.TILE_URL ? { tileUrl: process.env.TILE_URL } : {}),
  ...(process.env.TILE_ATTRIBUTION ? { tileAttribution: process.env.TILE_ATTRIBUTION } : {}),
});
console.log(
  `应急预案指挥调度台 ready on http://localhost:${server.port} — ${
    server.demo
      ? 'DEMO mode (演示模式: accounts admin/duty/director/commander/leader/<unit id>, password demo)'
      : 'production mode'
  }; data in ${resolve(process.env.DATA_DIR ?? './data')}`,
);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
