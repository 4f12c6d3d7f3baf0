/**
 * One of the office's own parts of the report (经验, 问题, 改进建议): the text as last saved, who wrote it and
 * when; for the staff who may write it, while the report is not signed off, an editor. The draft is held by
 * the page (so that signing off can refuse while something is unsaved); printing shows the saved text only.
 */
import { useId, useState } from 'react';
import type { ReviewSection } from '../../../../shared/engine/incident.ts';
import { REVIEW } from '../../../../shared/protocol/limits.ts';
import type { IncidentReview } from '../../../../shared/views/review.ts';
import {
  fill,
  OFFICE_SECTION_HEADING,
  REVIEW_HEADINGS,
  REVIEW_WORDS as W,
} from '../../../../shared/views/reviewWords.ts';
import { useLang } from '../../i18n.ts';
import { errorText } from '../../live/call.ts';
import { ErrorText } from '../common.tsx';
import { say, shanghaiWhole, useNames } from './words.tsx';
import { type RecordsT, useRecordsT } from '../../words/records.ts';

/** a key of the main catalog or of the records' words */
type Key = Parameters<RecordsT>[0];

type Saved = IncidentReview['office']['sections'][ReviewSection];

const PLACEHOLDER: Record<ReviewSection, Key> = {
  lessons: 'rv_ph_lessons',
  problems: 'rv_ph_problems',
  suggestions: 'rv_ph_suggestions',
};

export function OfficeSection({
  section,
  saved,
  editable,
  draft,
  onDraft,
  onSave,
}: {
  section: ReviewSection;
  saved: Saved;
  /** this viewer may write it now: a writer's role, the response ended, not signed off */
  editable: boolean;
  /** the unsaved text, or null when the editor holds what is saved */
  draft: string | null;
  onDraft: (text: string | null) => void;
  onSave: (text: string) => Promise<void>;
}) {
  const t = useRecordsT();
  const lang = useLang();
  const name = useNames();
  const headingId = useId();
  const counterId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [justSaved, setJustSaved] = useState(false);
  const value = draft ?? saved?.text ?? '';
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSave(value);
      setJustSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // as the .docx writes it: who wrote it and when, and which draft this is once there is more than one
  const meta = saved && (
    <p className="rv-meta">
      {fill(say(W.office.written, lang), { by: name(saved.by), at: shanghaiWhole(saved.at) })}
      {saved.edits > 1 ? fill(say(W.office.drafts, lang), { n: saved.edits }) : ''}
    </p>
  );
  return (
    <section className="rv-part rv-office" data-section={section} aria-labelledby={headingId}>
      <h2 id={headingId}>{say(REVIEW_HEADINGS[OFFICE_SECTION_HEADING[section]], lang)}</h2>
      {/* the saved text: what everyone reads, and what prints even while an editor is open */}
      <div className={editable ? 'rv-saved rv-print-only' : 'rv-saved'}>
        {saved ? (
          saved.text
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line, i) => (
              <p key={i} className="rv-text">
                {line}
              </p>
            ))
        ) : (
          <p className="rv-missing">{say(W.office.notWritten, lang)}</p>
        )}
      </div>
      {meta}
      {editable && (
        <form
          className="rv-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <textarea
            name={section}
            value={value}
            rows={Math.min(16, Math.max(5, value.split('\n').length + 1))}
            maxLength={REVIEW.charsPerSection}
            placeholder={t(PLACEHOLDER[section])}
            aria-labelledby={headingId}
            aria-describedby={counterId}
            onChange={(e) => {
              setJustSaved(false);
              onDraft(e.target.value === (saved?.text ?? '') ? null : e.target.value);
            }}
          />
          <div className="rv-editor-bar">
            <button type="submit" disabled={busy || draft === null || value.trim() === ''}>
              {busy ? t('rv_saving') : t('save')}
            </button>
            {draft !== null && (
              <button type="button" className="secondary" disabled={busy} onClick={() => onDraft(null)}>
                {t('rv_revert')}
              </button>
            )}
            <span className="rv-editor-state" role="status">
              {draft !== null ? (
                <span className="warning">{t('rv_unsaved')}</span>
              ) : justSaved ? (
                t('rv_saved')
              ) : null}
            </span>
            <span id={counterId} className="muted rv-counter">
              {t('rv_chars', { n: value.length, max: REVIEW.charsPerSection })}
            </span>
          </div>
          <ErrorText error={error === null ? null : errorText(error, lang)} />
        </form>
      )}
    </section>
  );
}
