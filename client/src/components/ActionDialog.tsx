/**
 * A decision on an incident (raise, lower, terminate, approve, reject): asks for the reason and shows what
 * will be added and stood down, and whose signature it needs, before the officer confirms.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { call } from '../live/page.ts';
import { errorText } from '../live/call.ts';
import { useLang, useT } from '../i18n.ts';
import { formatDateTime } from '../logic/time.ts';
import type { ActionBrief, Inputs, Preview } from '../../../shared/protocol/contract.ts';
import { ErrorText } from './common.tsx';

function Briefs({ items }: { items: ActionBrief[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="briefs">
      {items.map((a) => (
        <li key={a.id}>
          {lang === 'zh' ? a.title : a.titleEn}
          {t('paren', {
            text: `${[lang === 'zh' ? a.unit : a.unitEn].flat().join(t('tl_listSep'))}${t('partSep')}${a.clause}`,
          })}
        </li>
      ))}
    </ul>
  );
}

/** The units a list of measures reaches, counted as the declare screen counts them. */
export const measureUnits = (items: { unitIds: string[] }[]) => new Set(items.flatMap((a) => a.unitIds)).size;

export function ActionDialog({
  title,
  preview: previewOf,
  reasonRequired,
  onConfirm,
  onClose,
}: {
  title: string;
  /** what to preview: a level, or termination (no level); null when it changes no measure (reject) */
  preview: Inputs['preview'] | null;
  reasonRequired: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // the props are a fresh object each render: ask again only when what is previewed changes
  const asked = previewOf ? JSON.stringify(previewOf) : null;
  useEffect(() => {
    if (!asked) return;
    call('preview', JSON.parse(asked) as Inputs['preview']).then(setPreview, (e: unknown) =>
      setError(errorText(e, lang)),
    );
  }, [asked, lang]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="dialog-title">{title}</h2>
        {preview && (
          <div className="preview">
            <p>
              {preview.signer ? t('needsSigner', { signer: t(`signer_${preview.signer}`) }) : t('noSigner')}
            </p>
            {preview.unbound && preview.unbound.length > 0 && (
              <p className="warning" data-unbound="">
                {t('previewUnbound', {
                  roles: preview.unbound.map((r) => (lang === 'zh' ? r.name : r.en)).join(t('tl_listSep')),
                })}
              </p>
            )}
            {preview.closesUndone && preview.closesUndone.tasks > 0 && (
              <p className="warning">
                {t('closesUndone', { n: preview.closesUndone.tasks, overdue: preview.closesUndone.overdue })}
              </p>
            )}
            {/* a count of none is said only when nothing changes at all (ending a response adds nothing) */}
            {(preview.added.length > 0 || preview.stoodDown.length === 0) && (
              <>
                <p>
                  <strong>
                    {t('willAdd', { n: preview.added.length, units: measureUnits(preview.added) })}
                  </strong>
                </p>
                <Briefs items={preview.added} />
              </>
            )}
            {preview.staysOwed && preview.staysOwed.length > 0 && (
              <>
                <p>
                  <strong>{t('staysOwed', { n: preview.staysOwed.length })}</strong>
                </p>
                <ul className="briefs">
                  {preview.staysOwed.map((r, i) => (
                    <li key={i}>
                      {r.title[lang]}
                      {t('paren', { text: `${lang === 'zh' ? r.unit : r.unitEn}${t('partSep')}${r.clause}` })}
                      {r.dueAt !== null && <> {formatDateTime(r.dueAt, lang)}</>}
                      {r.overdue && <span className="tag danger">{t('taskOverdue')}</span>}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {preview.owedAfter && preview.owedAfter.length > 0 && (
              <>
                <p>
                  <strong>{t('owedAfter', { n: preview.owedAfter.length })}</strong>
                </p>
                <ul className="briefs">
                  {preview.owedAfter.map((c) => (
                    <li key={c.id}>
                      {lang === 'zh' ? c.title : c.titleEn}
                      {t('paren', { text: c.clause })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {(preview.stoodDown.length > 0 || preview.added.length === 0) && (
              <>
                <p>
                  <strong>{t('willStandDown', { n: preview.stoodDown.length })}</strong>
                </p>
                <Briefs items={preview.stoodDown} />
              </>
            )}
          </div>
        )}
        <label>
          {reasonRequired ? t('reason') : t('reasonOptional')}
          <textarea
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={reasonRequired}
            maxLength={2000}
            autoFocus
          />
        </label>
        <ErrorText error={error} />
        <div className="dialog-actions">
          <button type="submit" disabled={busy || (reasonRequired && reason.trim() === '')}>
            {t('confirm')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
