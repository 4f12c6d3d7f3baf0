/**
 * The accounts' names and posts (GET /api/people), so the timeline names people, not login ids. Kept here,
 * outside the store: loaded when a signed-in user's link comes up (login, and every reconnection, since an
 * administrator may have created accounts meanwhile), and again, at most once a minute, when a fact names
 * an account the list does not hold. Components read it with usePeople().
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { PeopleAnswer, Person } from '../../../shared/protocol/people.ts';
import { call } from './page.ts';
import type { People } from '../logic/facts.ts';
import { useConsole } from '../store/index.ts';

const EMPTY: People = new Map();
/** an unknown id asks the server again no sooner than this after the last load */
const UNKNOWN_RETRY_MS = 60_000;

let people: People = EMPTY;
let loading: Promise<void> | null = null;
let loadedAt = 0;
/** A list loaded this recently is not asked for again when the link comes up. */
const FRESH_MS = 10_000;
let watching = false;
const listeners = new Set<() => void>();

function set(next: People) {
  people = next;
  for (const l of listeners) l();
}

/** Loads the list; one request at a time, and a failure keeps what was known (ids show meanwhile). */
export function loadPeople(): Promise<void> {
  loading ??= call('people', {})
    .then((a: PeopleAnswer) => set(new Map(a.people.map((p: Person) => [p.id, p]))))
    .catch(() => {})
    .finally(() => {
      loading = null;
      loadedAt = Date.now();
    });
  return loading;
}

/**
 * Follows the session and the link: a new user clears the list; each time the link comes up, it loads (not
 * again if it just did). Started with the live link at sign-in, so no fact is ever what first asks for it.
 */
export function watch() {
  if (watching) return;
  watching = true;
  let userId = useConsole.getState().user?.id ?? null;
  let live = useConsole.getState().connection.status === 'live';
  if (userId) void loadPeople();
  useConsole.subscribe((s) => {
    const nextUser = s.user?.id ?? null;
    const nextLive = s.connection.status === 'live';
    const changedUser = nextUser !== userId;
    const cameUp = nextLive && !live;
    userId = nextUser;
    live = nextLive;
    if (changedUser) set(EMPTY);
    if (nextUser && (changedUser || (cameUp && Date.now() - loadedAt > FRESH_MS))) void loadPeople();
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The names and posts by account id; empty until loaded. */
export function usePeople(): People {
  watch();
  return useSyncExternalStore(subscribe, () => people);
}

/**
 * When a screen opens naming an account the list does not hold (made since it was loaded), it asks again, at
 * most once a minute. Only when a screen opens: a fact arriving never causes a request.
 */
export function useKnownPeople(ids: readonly string[]): void {
  const unknown = useRef(ids.some((id) => !people.has(id)));
  useEffect(() => {
    if (!unknown.current || loading || Date.now() - loadedAt < UNKNOWN_RETRY_MS) return;
    if (useConsole.getState().user) void loadPeople();
  }, []);
}
