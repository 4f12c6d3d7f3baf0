/**
 * The network signal (client/src/live/online.ts): the browser's online/offline events and what requests
 * tell, folded into one state, with a window made of a plain EventTarget.
 */
import { describe, expect, it } from 'vitest';
import { createNetworkMonitor, type NetworkSource } from '../../client/src/live/online.ts';

/** A window: `navigator.onLine` and the events, under the test's control. */
function fakeWindow(onLine: boolean) {
  const target = new EventTarget();
  const listeners = { count: 0 };
  const source: NetworkSource & { onLine: boolean } = {
    onLine,
    addEventListener(type, listener) {
      listeners.count += 1;
      target.addEventListener(type, listener);
    },
    removeEventListener(type, listener) {
      listeners.count -= 1;
      target.removeEventListener(type, listener);
    },
  };
  const fire = (type: 'online' | 'offline') => {
    source.onLine = type === 'online';
    target.dispatchEvent(new Event(type));
  };
  return { source, fire, listeners };
}

type Step = 'online' | 'offline' | 'failed' | 'succeeded';

describe('the network monitor', () => {
  const table: { what: string; start: boolean; steps: Step[]; heard: boolean[]; end: boolean }[] = [
    { what: 'starts as navigator.onLine says: online', start: true, steps: [], heard: [true], end: true },
    { what: 'starts as navigator.onLine says: offline', start: false, steps: [], heard: [false], end: false },
    { what: 'the offline event', start: true, steps: ['offline'], heard: [true, false], end: false },
    {
      what: 'offline, then online again',
      start: true,
      steps: ['offline', 'online'],
      heard: [true, false, true],
      end: true,
    },
    {
      what: 'a request without an answer, while the browser still says online',
      start: true,
      steps: ['failed'],
      heard: [true, false],
      end: false,
    },
    {
      what: 'failures repeat: reported once',
      start: true,
      steps: ['failed', 'failed', 'offline', 'failed'],
      heard: [true, false],
      end: false,
    },
    {
      what: 'an answer after failures: online',
      start: true,
      steps: ['failed', 'succeeded'],
      heard: [true, false, true],
      end: true,
    },
    {
      what: 'answers while online change nothing',
      start: true,
      steps: ['succeeded', 'succeeded', 'online'],
      heard: [true],
      end: true,
    },
    {
      what: 'the online event is the moment to retry; a retry that fails is offline again',
      start: false,
      steps: ['online', 'failed', 'online', 'succeeded'],
      heard: [false, true, false, true],
      end: true,
    },
    {
      what: 'an answer while the browser said offline: the server is reachable after all',
      start: false,
      steps: ['succeeded'],
      heard: [false, true],
      end: true,
    },
    {
      what: 'the offline event after an answer',
      start: true,
      steps: ['succeeded', 'offline', 'succeeded', 'offline'],
      heard: [true, false, true, false],
      end: false,
    },
  ];

  it.each(table)('$what', ({ start, steps, heard, end }) => {
    const { source, fire } = fakeWindow(start);
    const monitor = createNetworkMonitor(source);
    const got: boolean[] = [];
    monitor.watch((online) => got.push(online));
    for (const step of steps) {
      if (step === 'online' || step === 'offline') fire(step);
      else if (step === 'failed') monitor.requestFailed();
      else monitor.requestSucceeded();
    }
    expect(got).toEqual(heard);
    expect(monitor.online()).toBe(end);
    monitor.close();
  });

  it('tracks the state before anyone watches; a late watcher hears the current state', () => {
    const { source, fire } = fakeWindow(true);
    const monitor = createNetworkMonitor(source);
    fire('offline');
    const got: boolean[] = [];
    monitor.watch((online) => got.push(online));
    expect(got).toEqual([false]);
    monitor.close();
  });

  it('stops calling a watcher that unsubscribed, even from inside a change', () => {
    const { source, fire } = fakeWindow(true);
    const monitor = createNetworkMonitor(source);
    const a: boolean[] = [];
    const b: boolean[] = [];
    const stopB = monitor.watch((online) => b.push(online));
    const stopA = monitor.watch((online) => {
      a.push(online);
      if (!online) stopB(); // b is still told of this change (it was watching when it happened)
    });
    fire('offline');
    fire('online');
    stopA();
    fire('offline');
    expect(a).toEqual([true, false, true]);
    expect(b).toEqual([true, false]);
    monitor.close();
  });

  it('close() removes its listeners from the window', () => {
    const { source, fire, listeners } = fakeWindow(true);
    const monitor = createNetworkMonitor(source);
    expect(listeners.count).toBe(2);
    const got: boolean[] = [];
    monitor.watch((online) => got.push(online));
    monitor.close();
    expect(listeners.count).toBe(0);
    fire('offline');
    expect(got).toEqual([true]);
  });

  it('works outside a browser: the shared monitor has no window to listen to', async () => {
    const { watchNetwork, requestFailed, requestSucceeded, isOnline } =
      await import('../../client/src/live/online.ts');
    const got: boolean[] = [];
    const stop = watchNetwork((online) => got.push(online));
    requestFailed();
    expect(isOnline()).toBe(false);
    requestSucceeded();
    stop();
    requestFailed();
    expect(got).toEqual([true, false, true]);
    requestSucceeded();
  });
});
