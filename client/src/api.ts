/** The browser's only way to the server: JSON over fetch, errors as the server's bilingual message. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** from Retry-After: when a rate-limited request may be sent again */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
  /** No answer at all: the network or the server is down, so the request may be queued and retried. */
  get offline() {
    return this.status === 0;
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'OFFLINE', '无法连接服务器 / Cannot reach the server');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null; // a proxy's HTML error page, say
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
    // a gateway or a server that is restarting answers 502/503 without our error shape: treat as offline
    const status = res.status >= 502 && !err ? 0 : res.status;
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiError(
      status,
      err?.code ?? 'HTTP',
      err?.message ?? `HTTP ${res.status}`,
      retry > 0 ? retry * 1000 : null,
    );
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  del: <T>(path: string) => call<T>('DELETE', path),
};

/** A key that makes a command safe to retry: the server answers a repeated key with its first answer. */
export function newRequestId(): string {
  const rand = crypto.getRandomValues(new Uint32Array(2));
  return `web-${Date.now().toString(36)}-${rand[0]!.toString(36)}${rand[1]!.toString(36)}`;
}

/** The message to show for a failed request, in the user's language (the server sends "中文 / English"). */
export function errorText(e: unknown, lang: 'zh' | 'en'): string {
  const msg = e instanceof Error ? e.message : String(e);
  const [zh, en] = msg.split(' / ');
  return lang === 'en' && en ? en : (zh ?? msg);
}
