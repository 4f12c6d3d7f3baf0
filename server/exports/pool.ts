/**
 * Files are rendered in one worker thread, not on the main thread: a 20,000-row workbook takes seconds of
 * CPU, which on the main thread would stall every acknowledgement and socket meanwhile. One job at a time,
 * each account one job in flight, a bounded queue, a time limit per job (a stuck job ends the worker, which
 * is started again for the next).
 */
import { Worker } from 'node:worker_threads';
import { HttpError } from '../http/errors.ts';
import type { ExportJob } from './job.ts';

export const EXPORTS = {
  /** jobs waiting behind the one being rendered, all accounts together */
  maxQueued: 8,
  /** a job that takes longer is abandoned and its worker replaced */
  timeoutMs: 60_000,
} as const;

interface Waiting {
  id: number;
  userId: string;
  staff: boolean;
  job: ExportJob;
  resolve: (file: Buffer) => void;
  reject: (err: Error) => void;
}

export class ExportPool {
  private worker: Worker | null = null;
  private queue: Waiting[] = [];
  private current: (Waiting & { timer: NodeJS.Timeout }) | null = null;
  private nextId = 1;
  private readonly busyUsers = new Set<string>();

  /** a copy: a test may change the time limit between jobs */
  readonly limits: { maxQueued: number; timeoutMs: number };

  constructor(limits: { maxQueued: number; timeoutMs: number } = EXPORTS) {
    this.limits = { ...limits };
  }

  /** Throws the refusal an account with a file in flight gets: before the route gathers anything. */
  refuseIfBusy(userId: string): void {
    if (this.busyUsers.has(userId))
      throw new HttpError(
        'RATE_LIMITED',
        '上一个文件仍在生成，请等它下载完成后再试',
        'Your previous file is still being generated; try again once it has downloaded',
      );
  }

  /**
   * Renders `job` for `userId`. Member units may hold at most half the queue between them, so that units
   * exporting their own ledgers at the end of a response never lock the office out of its report.
   */
  run(userId: string, staff: boolean, job: ExportJob): Promise<Buffer> {
    try {
      this.refuseIfBusy(userId);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    const units = this.queue.filter((w) => !w.staff).length;
    if (
      this.queue.length >= this.limits.maxQueued ||
      (!staff && units >= Math.floor(this.limits.maxQueued / 2))
    )
      return Promise.reject(
        new HttpError('UNAVAILABLE', '导出繁忙，请一分钟后再试', 'Exports are busy; try again in a minute'),
      );
    this.busyUsers.add(userId);
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, userId, staff, job, resolve, reject });
      this.pump();
    }).finally(() => this.busyUsers.delete(userId));
  }

  async close(): Promise<void> {
    for (const w of this.queue)
      w.reject(new HttpError('UNAVAILABLE', '服务正在停止', 'The server is stopping'));
    this.queue = [];
    await this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./boot.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (msg: { id: number; file?: Uint8Array; error?: string }) => {
      const job = this.current;
      if (!job || job.id !== msg.id) return;
      this.finish(job, msg.file ? null : new Error(msg.error ?? 'export failed'), msg.file);
    });
    worker.on('error', (err) => this.lost(err));
    worker.on('exit', () => {
      if (this.worker === worker) this.lost(new Error('export worker stopped'));
    });
    return worker;
  }

  /** The worker died or was ended: the job it held fails, and the next job starts a new one. */
  private lost(err: Error) {
    this.worker = null;
    if (this.current) this.finish(this.current, err);
  }

  private finish(job: Waiting & { timer: NodeJS.Timeout }, err: Error | null, file?: Uint8Array) {
    clearTimeout(job.timer);
    this.current = null;
    if (err || !file) job.reject(err ?? new Error('export failed'));
    else job.resolve(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
    this.pump();
  }

  private pump() {
    if (this.current) return;
    const next = this.queue.shift();
    if (!next) return;
    this.worker ??= this.start();
    const timer = setTimeout(() => {
      const stuck = this.worker;
      this.worker = null;
      this.finish(
        { ...next, timer },
        new HttpError(
          'UNAVAILABLE',
          '文件生成超时，请缩小范围后重试',
          'Generating the file took too long; narrow it and try again',
        ),
      );
      void stuck?.terminate();
    }, this.limits.timeoutMs);
    this.current = { ...next, timer };
    this.worker.postMessage({ id: next.id, job: next.job });
  }
}
