/**
 * 签发: who signed the report off and when; or, for the office director and the commander, the button,
 * disabled with the reason while a part is unwritten or unsaved. Signing off is final, so it asks once more.
 */
import { useState } from 'react';
import { canSign } from '../../../../shared/engine/authority.ts';
import { REVIEW_SECTIONS } from '../../../../shared/engine/incident.ts';
import type { Role } from '../../../../shared/plans/schema.ts';
import type { IncidentReview } from '../../../../shared/views/review.ts';
import { fill, REVIEW_WORDS as W } from '../../../../shared/views/reviewWords.ts';
import { useLang } from '../../i18n.ts';
import { errorText } from '../../live/call.ts';
import { ErrorText } from '../common.tsx';
import { say, shanghaiWhole, useNames } from './words.tsx';
import { useRecordsT } from '../../words/records.ts';

export function SignOff({
  review,
  role,
  unsaved,
  onSign,
}: {
  review: IncidentReview;
  role: Role | null;
  /** a part has an unsaved draft */
  unsaved: boolean;
  onSign: () => Promise<void>;
}) {
  const t = useRecordsT();
  const lang = useLang();
  const name = useNames();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { signedBy, signedAt, sections } = review.office;
  const signer = role !== null && role !== 'unit' && canSign(role, 'director');
  const missing = REVIEW_SECTIONS.filter((s) => !sections[s]);
  const ended = review.basics.status === 'terminated';
  const why = !ended
    ? t('rv_signAfterEnd')
    : missing.length > 0
      ? t('rv_signNeeds', { list: missing.map((s) => t(`review_${s}`)).join(t('tl_listSep')) })
      : unsaved
        ? t('rv_signUnsaved')
        : null;
  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSign();
      setAsking(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="rv-part rv-sign" aria-labelledby="rv-sign" data-signed={signedAt !== null}>
      {/* on paper the signature closes the text, as in the .docx, without a heading of its own */}
      <h2 id="rv-sign" className="rv-screen-only">
        {t('rv_h_sign')}
      </h2>
      {signedBy !== null && signedAt !== null ? (
        <div className="rv-signature">
          <p>{fill(say(W.signOff.signed, lang), { by: name(signedBy), at: shanghaiWhole(signedAt) })}</p>
          <p className="rv-screen-only muted">{t('rv_signFinal')}</p>
        </div>
      ) : (
        <>
          <p className="rv-missing">{say(W.signOff.notSigned, lang)}</p>
          {signer ? (
            <div className="rv-sign-bar rv-screen-only">
              {!asking ? (
                <>
                  <button
                    type="button"
                    name="sign"
                    disabled={why !== null}
                    aria-describedby={why ? 'rv-sign-why' : undefined}
                    onClick={() => setAsking(true)}
                  >
                    {t('rv_sign')}
                  </button>
                  {why && (
                    <span id="rv-sign-why" className="muted">
                      {why}
                    </span>
                  )}
                </>
              ) : (
                <div className="rv-confirm" role="group" aria-label={t('rv_sign')}>
                  <p className="warning">{t('rv_signConfirm')}</p>
                  <div className="row">
                    <button
                      type="button"
                      name="confirmSign"
                      disabled={busy || why !== null}
                      onClick={() => void sign()}
                    >
                      {t('rv_signConfirmButton')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      onClick={() => setAsking(false)}
                    >
                      {t('cancel')}
                    </button>
                  </div>
                </div>
              )}
            </div>
          ) : (
            <p className="muted rv-screen-only">{t('rv_signWho')}</p>
          )}
          <ErrorText error={error === null ? null : errorText(error, lang)} />
        </>
      )}
    </section>
  );
}
