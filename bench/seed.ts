/**
 * Fills a data directory with `count` real events for the cold-start benchmark: snow I declarations and
 * then progress reports on their tasks, every one decided by the engine and committed by the service,
 * exactly as live traffic would be. Usage: tsx bench/seed.ts <dir> <count>
 */
import { startServer } from '../server/main.ts';
import { toRequest } from '../server/live/commands.ts';
import type { Viewer } from '../server/live/visibility.ts';

const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg);
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: dir!,
  production: false,
  tickMs: 60_000,
});
const service = server.service;
const duty: Viewer = { id: 'duty', role: 'duty', unitId: null };
let n = 0;
const rid = () => `seed-${Date.now().toString(36)}-${(n += 1)}`;

const run = async (viewer: Viewer, cmd: Parameters<typeof toRequest>[1]) => {
  const req = toRequest(viewer, cmd);
  if ('invalid' in req) throw new Error(req.invalid.join(' / '));
  const reply = await service.execute(req);
  if (!reply.ok) throw new Error(JSON.stringify(reply.body));
  return reply.body as { incident?: { id: string } };
};

const started = Date.now();
while ((await service.head()) < count) {
  const declared = await run(duty, {
    type: 'open',
    planId: 'snow-ice',
    levelId: 'I',
    title: 'seed',
    drill: true,
    requestId: rid(),
  });
  const id = declared.incident!.id;
  const tasks = Object.values(service.state(id)!.tasks);
  // about 5,000 events per incident, 512 commands in flight: the service commits them in batches
  for (let round = 0; round < 32 && (await service.head()) < count; round += 1) {
    const batch = tasks.map((t) =>
      run(
        { id: t.unitId, role: 'unit', unitId: t.unitId },
        { type: 'report', taskId: `${id}:${t.id}`, note: '进展', done: false, requestId: rid() },
      ),
    );
    await Promise.all(batch);
  }
}
const head = await service.head();
await server.close();
console.log(JSON.stringify({ events: head, seconds: (Date.now() - started) / 1000 }));
