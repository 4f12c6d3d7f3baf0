/**
 * A TCP proxy on loopback that can take the network away: `drop(ms)` resets every connection through it
 * and refuses new ones for that long, as a cable pulled or a Wi-Fi gone does to the clients behind it.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class FlakyNetwork {
  private server: Server;
  private sockets = new Set<Socket>();
  private downUntil = 0;
  port = 0;

  constructor(private readonly targetPort: number) {
    this.server = createServer((client) => {
      if (Date.now() < this.downUntil) return void client.destroy();
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.sockets.delete(a);
          b.destroy();
        });
        a.pipe(b);
      }
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return `http://127.0.0.1:${this.port}`;
  }

  /** The network is gone for `ms`: every connection is reset now, every new one until then. */
  drop(ms: number): Promise<void> {
    this.downUntil = Date.now() + ms;
    for (const s of this.sockets) s.destroy();
    return new Promise((r) => setTimeout(r, ms));
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((r) => this.server.close(() => r()));
  }
}
