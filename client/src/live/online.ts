/**
 * Can the server be reached? The browser's own signal and what requests tell, in one answer, without
 * React. The socket's ping notices a dead network only after ~40 s; these notice it at once:
 *
 * - the browser's `offline` event (no network interface at all): offline;
 * - a request that got no answer at all (fetch rejected; or a gateway's 502/503 without our error shape,
 *   which the API client already reads as "offline"): `requestFailed()`, offline;
 * - any answer from the server, an error status included: `requestSucceeded()`, online;
 * - the browser's `online` event: online again, which is the moment to retry; a retry that fails calls
 *   `requestFailed()` and it is offline again.
 *
 * `navigator.onLine` false is sure; true only means "maybe", which is why a failed request outweighs it
 * until an event or an answer says otherwise. Watchers hear only changes, plus the current state when they
 * start watching. Outside a browser (Node: the tests, the benchmark's clients) the window's signals are
 * simply absent.
 */

/** What the browser offers: `window` and `navigator.onLine`, injectable for tests. */
export interface NetworkSource {
  readonly onLine: boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

export interface NetworkMonitor {
  /** the current state: true when the server is believed reachable */
  online(): boolean;
  /** calls `onChange` with the current state now and with every change after; returns the unsubscribe */
  watch(onChange: (online: boolean) => void): () => void;
  /** a request got no answer at all */
  requestFailed(): void;
  /** a request got an answer, whatever its status */
  requestSucceeded(): void;
  /** stops listening to the source (tests; the shared monitor lives as long as the page) */
  close(): void;
}

export function createNetworkMonitor(source: NetworkSource): NetworkMonitor {
  let online = source.onLine;
  const watchers = new Set<(online: boolean) => void>();
  const set = (next: boolean) => {
    if (next === online) return;
    online = next;
    for (const w of [...watchers]) w(online);
  };
  const up = () => set(true);
  const down = () => set(false);
  source.addEventListener('online', up);
  source.addEventListener('offline', down);
  return {
    online: () => online,
    watch(onChange) {
      watchers.add(onChange);
      onChange(online);
      return () => void watchers.delete(onChange);
    },
    requestFailed: down,
    requestSucceeded: up,
    close() {
      source.removeEventListener('online', up);
      source.removeEventListener('offline', down);
      watchers.clear();
    },
  };
}

/** The page's window, or a source that never changes where there is none (Node). */
function browserSource(): NetworkSource {
  if (typeof window === 'undefined' || typeof navigator === 'undefined')
    return { onLine: true, addEventListener() {}, removeEventListener() {} };
  return {
    get onLine() {
      return navigator.onLine;
    },
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  };
}

let shared: NetworkMonitor | null = null;
const monitor = () => (shared ??= createNetworkMonitor(browserSource()));

/** The page's network state: `onChange(online)` now and on every change; returns the unsubscribe. */
export const watchNetwork = (onChange: (online: boolean) => void): (() => void) => monitor().watch(onChange);
export const isOnline = (): boolean => monitor().online();
/** Call when a request got no answer at all (the API client's ApiError with status 0, a socket transport error). */
export const requestFailed = (): void => monitor().requestFailed();
/** Call when a request got any answer from the server (2xx, 4xx, 5xx in our error shape; a socket connect). */
export const requestSucceeded = (): void => monitor().requestSucceeded();
