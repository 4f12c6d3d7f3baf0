/**
 * 总结评估报告: the report the office writes after a response, printable on A4 as a government document
 * (review.css: GB/T 9704 style, 仿宋 body, 黑体 headings, nothing of the console on paper). Parts 1 to 5
 * come from the server's IncidentReview (GET /api/incidents/:id/review, computed from the log; the .docx
 * renders the same object); parts 6 to 8 are the office's own text, written here by the duty officer,
 * director or commander once the response has ended, until the director or commander signs it off.
 * A member unit may not see it (the server answers 403 for its own plan’s incidents): it is told so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { REVIEW_SECTIONS, type ReviewSection } from '../../../shared/engine/incident.ts';
import type { IncidentReview } from '../../../shared/views/review.ts';
import { fill, REVIEW_WORDS as W } from '../../../shared/views/reviewWords.ts';
import { OfficeSection } from '../components/review/OfficeSection.tsx';
import { Basics, Measures, Problems, Reports, Response } from '../components/review/ReportSections.tsx';
import { SignOff } from '../components/review/SignOff.tsx';
import { paren, say, shanghai } from '../components/review/words.tsx';
import { usePlan } from '../components/usePlan.ts';
import { useLang } from '../i18n.ts';
import { ApiError, newRequestId } from '../live/call.ts';
import { call, live } from '../live/connection.ts';
import { useConsole } from '../store/index.ts';
import '../review.css';
import { useRecordsT } from '../words/records.ts';

const WRITERS = new Set(['duty', 'director', 'commander']);

type Drafts = Partial<Record<ReviewSection, string>>;

/**
 * The report, loaded on opening and again whenever a fact of the incident arrives (another officer saved a
 * part, or signed it off): the newest answer wins, an older one arriving late is dropped.
 */
function useReview(incidentId: string, enabled: boolean) {
  const [review, setReview] = useState<IncidentReview | null>(null);
  const [problem, setProblem] = useState<'missing' | 'failed' | null>(null);
  const asked = useRef(0);
  const lastSeq = useConsole((s) => s.timelines[incidentId]?.at(-1)?.seq ?? 0);
  const load = useCallback(async () => {
    const n = ++asked.current;
    try {
      const r = await call('review', { incidentId });
      if (n !== asked.current) return;
      setReview(r);
      setProblem(null);
    } catch (e) {
      if (n !== asked.current) return;
      setProblem(e instanceof ApiError && e.status === 404 ? 'missing' : 'failed');
    }
  }, [incidentId]);
  useEffect(() => {
    setReview(null);
    setProblem(null);
  }, [incidentId]);
  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load, lastSeq]);
  return { review, problem, reload: load };
}

export default function Review() {
  const { id = '' } = useParams();
  const t = useRecordsT();
  const lang = useLang();
  const user = useConsole((s) => s.user);
  const isUnit = user?.role === 'unit';
  const { review, problem, reload } = useReview(id, Boolean(user) && !isUnit);
  const plan = usePlan(review?.basics.plan.id);
  const [drafts, setDrafts] = useState<Drafts>({});

  // the browser's title is the document's name (a PDF saved from the print dialog is called after it)
  const docTitle = review ? `${review.basics.title}${say(W.titleSuffix, lang)}` : null;
  useEffect(() => {
    if (!docTitle) return;
    const before = document.title;
    document.title = docTitle;
    return () => {
      document.title = before;
    };
  }, [docTitle]);

  if (isUnit)
    return (
      <section className="review-message" role="alert">
        <p>{t('rv_unitsMayNot')}</p>
        <p>
          <Link to={`/ledger?incidentId=${encodeURIComponent(id)}`}>{t('rv_ledger')}</Link>
          {' · '}
          <Link to={`/incidents/${encodeURIComponent(id)}`}>{t('rv_back')}</Link>
        </p>
      </section>
    );
  if (!review)
    return (
      <p className={problem ? 'review-message error' : 'loading'}>
        {problem === 'missing' ? t('noSuchIncident') : problem ? t('loadFailed') : t('loading')}
      </p>
    );

  const b = review.basics;
  const signed = review.office.signedAt !== null;
  const editable = WRITERS.has(user?.role ?? '') && b.status === 'terminated' && !signed;
  const unsaved = REVIEW_SECTIONS.some((s) => drafts[s] !== undefined);
  const setDraft = (s: ReviewSection, text: string | null) =>
    setDrafts((d) => {
      const next = { ...d };
      if (text === null) delete next[s];
      else next[s] = text;
      return next;
    });
  const save = async (section: ReviewSection, text: string) => {
    await live.command('writeReview', { incidentId: id, section, text, requestId: newRequestId() });
    setDraft(section, null);
    await reload();
  };
  const sign = async () => {
    await live.command('signReview', { incidentId: id, requestId: newRequestId() });
    await reload();
  };
  const incidentPath = `/incidents/${encodeURIComponent(id)}`;

  return (
    <article
      className="review"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-version={review.version}
      data-signed={signed}
    >
      <div className="rv-toolbar" role="toolbar" aria-label={t('rv_toolbar')}>
        <Link className="rv-button secondary" to={incidentPath}>
          {t('rv_back')}
        </Link>
        <span className="rv-spacer" />
        <button type="button" name="print" onClick={() => window.print()}>
          {t('rv_print')}
        </button>
        <a
          className="rv-button secondary"
          href={`/api/incidents/${encodeURIComponent(id)}/review.docx?lang=${lang}`}
          download
        >
          {t('rv_docx')}
        </a>
        <Link className="rv-button secondary" to={`/ledger?incidentId=${encodeURIComponent(id)}`}>
          {t('rv_ledger')}
        </Link>
      </div>

      <div className="rv-sheet">
        <header className="rv-head">
          <h1 className="rv-title">
            {docTitle}
            {b.drill ? say(W.drill, lang) : ''}
          </h1>
          <p className="rv-subtitle">
            {`${say(W.plan, lang)}${lang === 'zh' ? '：' : ': '}${b.plan.title[lang]}${paren(b.plan.docNumber, lang)}`}
          </p>
          <p className="rv-subtitle rv-generated">
            {fill(say(W.generated, lang), { version: review.version, at: shanghai(review.generatedAt) })}
          </p>
          {review.changedSince > 0 && (
            <p className="rv-note" role="note">
              {fill(say(W.changedSince, lang), { n: review.changedSince })}
            </p>
          )}
          {!signed && <p className="rv-draft">{t('rv_draftMark')}</p>}
        </header>
        {b.status !== 'terminated' && (
          <p className="rv-note" role="note">
            {t('rv_notEndedNote')}
          </p>
        )}

        <Basics review={review} />
        <Response review={review} plan={plan} />
        <Measures review={review} />
        <Reports review={review} />
        <Problems review={review} />
        {REVIEW_SECTIONS.map((s) => (
          <OfficeSection
            key={s}
            section={s}
            saved={review.office.sections[s]}
            editable={editable}
            draft={drafts[s] ?? null}
            onDraft={(text) => setDraft(s, text)}
            onSave={(text) => save(s, text)}
          />
        ))}
        <SignOff review={review} role={user?.role ?? null} unsaved={unsaved} onSign={sign} />
      </div>
    </article>
  );
}
