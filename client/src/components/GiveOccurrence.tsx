/**
 * 补记事发时间: the time of occurrence a report did not give, filled in when the office learns it (until the
 * 总结评估 is signed). The deadlines that ran from the report stay as assigned; the engine says so and checks
 * the time falls before the report, within a week of it.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { MILESTONE_LEAD_MS } from '../../../shared/engine/occurrence.ts';
import { errorText } from '../live/call.ts';
import { useLang, useT } from '../i18n.ts';
import { nowAsShanghaiLocal, shanghaiLocalToIso } from '../logic/time.ts';
import { ErrorText } from './common.tsx';

export function GiveOccurrence({
  reportedAt,
  onGive,
}: {
  reportedAt: number;
  onGive: (at: string) => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // keyboard focus follows the control: into the field when it opens, back to the button when it closes
  const button = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (!open && closed.current) button.current?.focus();
  }, [open]);
  const close = () => {
    closed.current = true;
    setOpen(false);
  };
  if (!open)
    return (
      <button
        ref={button}
        type="button"
        className="secondary small"
        data-give="occurred"
        onClick={() => setOpen(true)}
      >
        {t('giveOccurred')}
      </button>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onGive(shanghaiLocalToIso(value));
      setError(null);
      close();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="give-occurred" onSubmit={(e) => void submit(e)}>
      <label>
        {t('occurredAtRequired')}{' '}
        <input
          type="datetime-local"
          name="occurredAt"
          required
          autoFocus
          aria-describedby="give-occurred-hint"
          value={value}
          min={nowAsShanghaiLocal(reportedAt - MILESTONE_LEAD_MS)}
          max={nowAsShanghaiLocal(reportedAt)}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>{' '}
      <button type="submit" className="small" disabled={busy || value === ''}>
        {t('save')}
      </button>{' '}
      <button type="button" className="secondary small" onClick={close}>
        {t('cancel')}
      </button>
      <p id="give-occurred-hint" className="form-hint">
        {t('giveOccurredHint')}
      </p>
      <ErrorText error={error} />
    </form>
  );
}
