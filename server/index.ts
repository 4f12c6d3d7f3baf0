/**
 * Wiring only: environment → startServer → one ready line; SIGINT/SIGTERM close the store cleanly. A server
 * that cannot start says why in one line on stderr and exits 1, before any ready line.
 */
import { resolve } from 'node:path';
import { dayKey } from '../shared/engine/time.ts';
import { holidaysKnown } from '../shared/engine/workdays.ts';
import { StartError, startServer } from './main.ts';
import { StoreUnwritableError } from './store/sqlite.ts';

const production = process.env.NODE_ENV === 'production';

function refuseToStart(e: unknown): never {
  if (e instanceof StoreUnwritableError || e instanceof StartError) console.error(e.message);
  else {
    // not a condition we know how to name: the line says so, and the stack follows for whoever fixes it
    console.error(`服务未能启动 / The console did not start: ${e instanceof Error ? e.message : String(e)}`);
    console.error(e);
  }
  process.exit(1);
}

const server = await startServer({
  port: Number(process.env.PORT ?? 3000),
  dataDir: resolve(process.env.DATA_DIR ?? './data'),
  production,
  ...(process.env.HOST ? { host: process.env.HOST } : {}),
  ...(process.env.TRUST_PROXY ? { trustProxy: process.env.TRUST_PROXY } : {}),
  ...(process.env.ALLOWED_HOSTS
    ? {
        allowedHosts: process.env.ALLOWED_HOSTS.split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      }
    : {}),
  ...(process.env.TILE_URL ? { tileUrl: process.env.TILE_URL } : {}),
  ...(process.env.TILE_ATTRIBUTION ? { tileAttribution: process.env.TILE_ATTRIBUTION } : {}),
}).catch(refuseToStart);
console.log(
  `应急预案指挥调度台 ready on http://localhost:${server.port} — ${
    server.demo
      ? 'DEMO mode (演示模式: accounts admin/duty/director/commander/leader/<unit id>, password demo)'
      : 'production mode'
  }; data in ${resolve(process.env.DATA_DIR ?? './data')}`,
);
// working-day deadlines need the year's announced holidays (and next year's once December comes, when 3
// working days can cross into it): say so when the calendar package does not hold them
const today = dayKey(Date.now());
const year = Number(today.slice(0, 4));
for (const y of today.slice(5, 7) === '12' ? [year, year + 1] : [year])
  if (!holidaysKnown(y))
    console.warn(
      `节假日安排未收录 ${y} 年：该年工作日按周一至周五计算，请更新 chinese-days（npm update chinese-days） / ` +
        `The holidays of ${y} are not in chinese-days: its working days count Monday to Friday until the package is updated`,
    );
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
