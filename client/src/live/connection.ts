/**
 * The page's live link: one LiveClient (live/client.ts) on the page's store, with the browser's cookie and
 * localStorage, told by the browser when the network goes and comes back. Screens read the store and send
 * commands through `live.command` (folded at once) or `live.taskCommand` (queued when offline).
 */
import { consoleStore } from '../store/index.ts';
import { LiveClient } from './client.ts';
import { announceNewTasks } from './notify.ts';
import { watchNetwork } from './online.ts';
import { pageTransport } from './page.ts';
import { watch as followPeople } from './people.ts';

const storage = (() => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: the offline queue lives in memory only
  }
})();

export const live = new LiveClient({
  store: consoleStore,
  transport: pageTransport,
  storage,
  onNewTasks: announceNewTasks,
});

// who is who (names and posts) loads with the live link, not when a fact first names someone
followPeople();

// the browser's own signal (and failed requests) say "offline" before the socket's ping would, ~40 s later
watchNetwork((online) => (online ? live.regained() : live.lost()));

export { call } from './page.ts';
export const startLive = (user: Parameters<LiveClient['start']>[0]) => live.start(user);
export const stopLive = () => live.stop();
