/**
 * A query's answer for the parameters a page's filters give: asked again whenever they change, with only the
 * latest question's answer kept (an earlier, slower answer never overwrites a later one).
 */
import { useEffect, useState } from 'react';
import type { Answers, Inputs, Name } from '../../../../shared/protocol/contract.ts';
import { errorText } from '../../live/call.ts';
import { call } from '../../live/page.ts';
import { useConsole } from '../../store/index.ts';

export function useAnswer<N extends Name>(name: N, params: Inputs[N]) {
  const [answer, setAnswer] = useState<Answers[N] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // the parameters by value: a new object with the same filters asks nothing
  const key = JSON.stringify(params);
  useEffect(() => {
    let current = true;
    setLoading(true);
    call(name, JSON.parse(key) as Inputs[N])
      .then((a) => {
        if (!current) return;
        setAnswer(a);
        setError(null);
      })
      .catch((e: unknown) => current && setError(errorText(e, useConsole.getState().lang)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [name, key]);
  return { answer, error, loading };
}
