/**
 * The browser's live client outside a page: the same LiveClient, store and view functions, signed in with a
 * session cookie instead of the browser's. The tests and the benchmark run these in Node against a real
 * server, so what they measure is the code the page runs. Never loaded by the page.
 */
import { CONTRACT, type User } from '../../../shared/protocol/contract.ts';
import { createConsoleStore } from '../store/index.ts';
import { LiveClient } from './client.ts';

export interface Headless {
  live: LiveClient;
  store: ReturnType<typeof createConsoleStore>;
  user: User;
  /** requests this client sent, by contract name: a fact must never cause one */
  requests: Map<string, number>;
  /** bytes of socket.io messages received (the engine.io payloads, as they travel) */
  received: { bytes: number; messages: number };
  close(): void;
}

/** A session outside a browser: its cookie and who it is. */
export async function signIn(
  origin: string,
  username: string,
  password = 'demo',
): Promise<{ cookie: string; user: User }> {
  // the contract's `login`, by hand: a caller does not hand out the Set-Cookie header
  const login = await fetch(`${origin}${CONTRACT.login.path}`, {
    method: CONTRACT.login.method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const { user } = (await login.json()) as { user: User };
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', user };
}

/** Signs in as `username` and starts the live client; resolves once it is live (bootstrapped and synced). */
export async function headless(origin: string, username: string, password = 'demo'): Promise<Headless> {
  const { cookie, user } = await signIn(origin, username, password);
  const store = createConsoleStore();
  store.getState().setSession(user, true);
  const requests = new Map<string, number>();
  const received = { bytes: 0, messages: 0 };
  const live = new LiveClient({
    store,
    transport: {
      origin,
      headers: { cookie },
      onRequest: (name) => requests.set(name, (requests.get(name) ?? 0) + 1),
    },
    socket: { extraHeaders: { cookie }, reconnectionDelay: 100, reconnectionDelayMax: 500 },
  });
  await live.start(user);
  // each engine.io connection (one per reconnection) is counted from when it opens: its message payloads
  // as they travel (a websocket frame's text, plus the one-byte engine.io packet type)
  const socket = live.link;
  socket?.io.on('open', () =>
    socket.io.engine.on('data', (data: unknown) => {
      received.messages += 1;
      received.bytes += typeof data === 'string' ? Buffer.byteLength(data) + 1 : 0;
    }),
  );
  const start = Date.now();
  while (store.getState().connection.status !== 'live') {
    if (Date.now() - start > 15_000) throw new Error(`${username}: not live after 15 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return { live, store, user, requests, received, close: () => live.stop() };
}
