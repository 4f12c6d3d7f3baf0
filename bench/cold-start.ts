/** Start to ready on a data directory, measured inside the process: store, migrations, replay, listen. */
import { startServer } from '../server/main.ts';

const dir = process.argv[2]!;
const t = performance.now();
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, production: false });
const ms = performance.now() - t;
const head = await server.service.head();
await server.close();
console.log(JSON.stringify({ ms, head }));
