/**
 * A query's answer for the parameters a page's filters give: asked again whenever they change, with only the
 * latest question's answer kept (an earlier, slower answer never overwrites a later one).
 *
 * `loading` is true from the very render whose parameters differ from the shown answer's, not from the
 * effect after it: otherwise the first render after a filter change shows the old rows as settled, and a
 * reader (or a test) that looks then takes the old answer for the new one.
 */
import { useEffect, useState } from 'react';
import type { Answers, Inputs, Name } from '../../../../shared/protocol/contract.ts';
import { errorText } from '../../live/call.ts';
import { call } from '../../live/page.ts';
import { useConsole } from '../../store/index.ts';

interface Settled<N extends Name> {
  /** the parameters (as JSON) this answer or error is for */
  key: string;
  answer: Answers[N] | null;
  error: string | null;
}

export function useAnswer<N extends Name>(name: N, params: Inputs[N]) {
  // the parameters by value: a new object with the same filters asks nothing
  const key = JSON.stringify(params);
  const [settled, setSettled] = useState<Settled<N> | null>(null);
  useEffect(() => {
    let current = true;
    call(name, JSON.parse(key) as Inputs[N])
      .then((answer) => current && setSettled({ key, answer, error: null }))
      .catch(
        (e: unknown) =>
          current &&
          setSettled((s) => ({
            key,
            answer: s?.answer ?? null,
            error: errorText(e, useConsole.getState().lang),
          })),
      );
    return () => {
      current = false;
    };
  }, [name, key]);
  return {
    // the last answer stays on screen (marked busy) while the next is asked, instead of a blank page
    answer: settled?.answer ?? null,
    error: settled?.key === key ? settled.error : null,
    loading: settled?.key !== key,
  };
}
