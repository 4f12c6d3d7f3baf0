/**
 * The browser's one way to the server: `call(name, input)` for every command and query of the contract
 * (shared/protocol/contract.ts). Path parameters come from the input; what is left goes in the query string
 * of a GET or the JSON body of anything else. Errors arrive as `{code, message: {zh, en}, details}`.
 *
 * `createCaller` takes the origin and headers, so the same code runs in Node (the benchmark's clients and the
 * tests log in with a cookie) as in the page (same origin, the browser's cookie).
 */
import {
  type Answers,
  CONTRACT,
  type ErrorBody,
  fillPath,
  type Inputs,
  type Name,
} from '../../../shared/protocol/contract.ts';
import type { Bilingual } from '../../../shared/engine/text.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    /** from Retry-After: when a rate-limited request may be sent again */
    readonly retryAfterMs: number | null = null,
    readonly details: unknown = undefined,
  ) {
    super(text.zh);
  }
  /** No answer at all: the network or the server is down, so the request may be queued and retried. */
  get offline() {
    return this.status === 0;
  }
}

const OFFLINE: Bilingual = { zh: '无法连接服务器', en: 'Cannot reach the server' };

export interface Transport {
  /** '' in the page (same origin); `http://127.0.0.1:port` in Node */
  origin: string;
  headers?: Record<string, string>;
  /** told whether each request got an answer at all (the connection indicator listens) */
  onOutcome?: (reached: boolean) => void;
  /** told of each request as it is sent, by name (the benchmark counts them) */
  onRequest?: (name: Name) => void;
}

export type Call = <N extends Name>(name: N, input: Inputs[N]) => Promise<Answers[N]>;

function isErrorBody(json: unknown): json is ErrorBody {
  const e = (json as { error?: { code?: unknown; message?: { zh?: unknown } } } | null)?.error;
  return typeof e?.code === 'string' && typeof e.message?.zh === 'string';
}

export function createCaller(transport: Transport): Call {
  return async (name, input) => {
    const route = CONTRACT[name];
    transport.onRequest?.(name);
    const { path, rest } = fillPath(route.path, input as Record<string, unknown>);
    const get = route.method === 'GET';
    const query = get
      ? new URLSearchParams(
          Object.entries(rest).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
        ).toString()
      : '';
    let res: Response;
    try {
      res = await fetch(`${transport.origin}${path}${query ? `?${query}` : ''}`, {
        method: route.method,
        credentials: 'same-origin',
        headers: {
          ...transport.headers,
          ...(get ? {} : { 'content-type': 'application/json' }),
        },
        ...(get ? {} : { body: JSON.stringify(rest) }),
      });
    } catch {
      transport.onOutcome?.(false);
      throw new ApiError(0, 'OFFLINE', OFFLINE);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null; // a proxy's HTML error page, say
    }
    if (res.ok) {
      transport.onOutcome?.(true);
      return json as Answers[typeof name];
    }
    const err = isErrorBody(json) ? json.error : null;
    // a gateway or a server that is restarting answers 502/503 without our error shape: treat as offline
    const status = res.status >= 502 && !err ? 0 : res.status;
    transport.onOutcome?.(status !== 0);
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiError(
      status,
      err?.code ?? 'HTTP',
      err?.message ?? (status === 0 ? OFFLINE : { zh: `HTTP ${res.status}`, en: `HTTP ${res.status}` }),
      retry > 0 ? retry * 1000 : null,
      err?.details,
    );
  };
}

/** A key that makes a command safe to retry: the server answers a repeated key with its first answer. */
export function newRequestId(): string {
  const rand = crypto.getRandomValues(new Uint32Array(2));
  return `web-${Date.now().toString(36)}-${rand[0]!.toString(36)}${rand[1]!.toString(36)}`;
}

/** The message to show for a failed request, in the user's language. */
export function errorText(e: unknown, lang: keyof Bilingual): string {
  if (e instanceof ApiError) return e.text[lang];
  return e instanceof Error ? e.message : String(e);
}
