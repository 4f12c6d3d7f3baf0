/** The export worker: renders one job at a time off the main thread (started by pool.ts through boot.mjs). */
import { parentPort } from 'node:worker_threads';
import { type ExportJob, render } from './job.ts';

parentPort?.on('message', (msg: { id: number; job: ExportJob }) => {
  render(msg.job).then(
    (file) => {
      const bytes = file.buffer.byteLength === file.byteLength ? file : file.slice();
      parentPort?.postMessage({ id: msg.id, file: bytes }, [bytes.buffer as ArrayBuffer]);
    },
    (err: unknown) => parentPort?.postMessage({ id: msg.id, error: String((err as Error)?.message ?? err) }),
  );
});
