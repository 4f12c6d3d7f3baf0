/**
 * A query's answer for the parameters a page's filters give: asked again whenever they change, with only the
 * latest question's answer kept (an earlier, slower answer never overwrites a later one).
 *
 * `loading` is true from the very render whose parameters differ from the shown answer's, not from the
 * effect after it: otherwise the first render after a filter change shows the old rows as settled, and a
 * reader (or a test) that looks then takes the old answer for the new one.
 *
 * The answer also follows the record: while facts arrive on the live link for the incidents it reads, the
 * same question is asked again, at most once every LIVE_REFRESH_MS and only while the page is in view (a
 * ledger over thousands of rows costs its reader's read budget each time). A refresh keeps the rows on
 * screen until the new ones come, and is not shown as busy.
 */
import { useEffect, useRef, useState } from 'react';
import type { Answers, Inputs, Name } from '../../../../shared/protocol/contract.ts';
import { LIVE_REFRESH_MS } from '../../../../shared/protocol/limits.ts';
import { errorText } from '../../live/call.ts';
import { call } from '../../live/page.ts';
import { type ConsoleState, useConsole } from '../../store/index.ts';

interface Settled<N extends Name> {
  /** the parameters (as JSON) this answer or error is for */
  key: string;
  answer: Answers[N] | null;
  error: string | null;
}

/**
 * A number that changes whenever the record the page reads gains a fact: one incident's version, or the sum
 * of the versions of the incidents held live (a new incident adds its own). A settled incident is not held
 * and gains no fact a records page shows; the one change that is not a fact, the live data arriving after
 * the page first asked, costs one question more.
 */
export const recordVersion =
  (incidentId?: string) =>
  (s: Pick<ConsoleState, 'states'>): number =>
    incidentId !== undefined
      ? (s.states[incidentId]?.version ?? 0)
      : Object.values(s.states).reduce((n, state) => n + state.version, 0);

export function useAnswer<N extends Name>(name: N, params: Inputs[N], incidentId?: string) {
  // the parameters by value: a new object with the same filters asks nothing
  const key = JSON.stringify(params);
  const [settled, setSettled] = useState<Settled<N> | null>(null);
  const [revision, setRevision] = useState(0);
  const live = useConsole(recordVersion(incidentId));
  /** when the question was last asked, and how far the record had come then */
  const asked = useRef({ at: 0, live });

  useEffect(() => {
    let current = true;
    asked.current = { at: Date.now(), live: recordVersion(incidentId)(useConsole.getState()) };
    call(name, JSON.parse(key) as Inputs[N])
      .then((answer) => current && setSettled({ key, answer, error: null }))
      .catch(
        (e: unknown) =>
          current &&
          // a failed refresh keeps its rows beside the error; a failed new question shows none of the old
          setSettled((s) => ({
            key,
            answer: s?.key === key ? s.answer : null,
            error: errorText(e, useConsole.getState().lang),
          })),
      );
    return () => {
      current = false;
    };
  }, [name, key, revision, incidentId]);

  // the record moved on since the question was asked: ask again when the pace allows and the page is seen
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // read when the timer fires, not when it was set: a new filter asked meanwhile restarts the pace, and a
    // page shown again after a refresh has nothing new to ask
    const behind = () => recordVersion(incidentId)(useConsole.getState()) !== asked.current.live;
    const schedule = () => {
      clearTimeout(timer);
      if (behind()) timer = setTimeout(again, Math.max(0, asked.current.at + LIVE_REFRESH_MS - Date.now()));
    };
    const again = () => {
      if (document.visibilityState === 'hidden' || !behind()) return;
      if (Date.now() < asked.current.at + LIVE_REFRESH_MS) return schedule();
      setRevision((r) => r + 1);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') schedule();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [live, incidentId]);

  return {
    // the last answer stays on screen (marked busy) while the next is asked, instead of a blank page
    answer: settled?.answer ?? null,
    error: settled?.key === key ? settled.error : null,
    loading: settled?.key !== key,
  };
}
