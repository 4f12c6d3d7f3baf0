/**
 * Assess and declare: pick a plan, enter the readings it reads (as a Chinese input method types them: "１２",
 * "－3", "12 毫米"), see the recommended level and the clauses that fired as you type, then declare, or submit
 * for signature where the plan demands one. The level follows the recommendation until the officer picks
 * another, which then needs a reason. The decisions are logic/declareForm.ts; the reading, logic/numbers.ts.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  actionsForLevel,
  actionUnits,
  ENGINE_MILESTONES,
  milestoneOf,
} from '../../../shared/engine/tiers.ts';
import type { Lang } from '../../../shared/engine/text.ts';
import type { IndicatorDef, Milestone } from '../../../shared/plans/schema.ts';
import { ErrorText, LevelBadge } from '../components/common.tsx';
import { type T, useLang, useT } from '../i18n.ts';
import { errorText, newRequestId } from '../live/call.ts';
import { live } from '../live/connection.ts';
import {
  declareView,
  FOLLOW,
  type FieldProblem,
  type LevelChoice,
  missingFields,
  pickLevel,
} from '../logic/declareForm.ts';
import { shanghaiLocalToIso } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';

/** The form's raw text → the readings the API takes (client/src/logic/declareForm.ts). */
export { readingsFrom } from '../logic/declareForm.ts';

function IndicatorInput({
  d,
  value,
  onChange,
  problems,
  t,
  lang,
}: {
  d: IndicatorDef;
  value: string;
  onChange: (v: string) => void;
  /** what is wrong with what is typed, shown under the field */
  problems: FieldProblem[];
  t: T;
  lang: Lang;
}) {
  const label =
    d.kind === 'boolean' ? d.name[lang] : t('withUnit', { name: d.name[lang], unit: d.unit[lang] });
  const problemId = `reading-problem-${d.key}`;
  const problem =
    problems.length > 0 ? (
      <span id={problemId} className="error field-problem" role="alert">
        {problems.map((p) => p.problem[lang]).join(t('partSep'))}
      </span>
    ) : null;
  if (d.kind === 'boolean')
    return (
      <label>
        {label}
        <select name={d.key} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('unknown')}</option>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </select>
        {problem}
      </label>
    );
  return (
    <label>
      {label}
      <input
        name={d.key}
        // a phone's decimal keypad has no minus sign: a reading that may be negative gets the full keyboard
        inputMode={d.kind === 'series' || d.min < 0 ? 'text' : 'decimal'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={d.kind === 'series' ? t('seriesHint') : `${d.min}–${d.max}`}
        aria-invalid={problems.length > 0}
        {...(problems.length > 0 ? { 'aria-describedby': problemId } : {})}
      />
      {problem}
    </label>
  );
}

export default function Declare() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const plans = useConsole((s) => s.plans);
  const [planId, setPlanId] = useState('');
  // the whole plan came with the bootstrap: the readings are assessed here, with the engine's own assess
  const plan = useConsole((s) => (planId ? s.fullPlans[planId] : undefined)) ?? null;
  const [raw, setRaw] = useState<Record<string, string>>({});
  /** the level follows the recommendation until the officer picks one (logic/declareForm.ts) */
  const [choice, setChoice] = useState<LevelChoice>(FOLLOW);
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState('');
  const [area, setArea] = useState('');
  const [placeUnit, setPlaceUnit] = useState('');
  const [occurred, setOccurred] = useState('');
  const [drill, setDrill] = useState(false);
  const [assignees, setAssignees] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  /** milestones already known at the report, as typed (Beijing time), by milestone */
  const [known, setKnown] = useState<Record<string, string>>({});
  /** 接报 only: the incident is opened and graded later, on its page */
  const [openOnly, setOpenOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choosePlan = (id: string) => {
    setPlanId(id);
    setRaw({});
    setChoice(FOLLOW);
    setAssignees({});
    setPlaceUnit('');
    setKnown({});
  };

  // everything shown is derived from what is typed now: no recommendation outlives the readings it answered
  const view = useMemo(() => (plan ? declareView(plan, raw, choice) : null), [plan, raw, choice]);
  const readings = view?.readings ?? {};
  const levelId = view?.levelId ?? '';
  const assessment = view?.assessment ?? null;

  // counted as the preview and the approval count them: the response measures in force at the level,
  // judged against these readings and today's date (shared/engine/tiers.ts)
  const taskCount = useMemo(() => {
    if (!plan || !view?.levelId) return null;
    const measures = actionsForLevel(plan, view.levelId, { readings: view.readings, date: Date.now() });
    return { n: measures.length, units: new Set(measures.flatMap((a) => actionUnits(plan, a))).size };
  }, [plan, view]);

  const level = plan?.levels.find((l) => l.id === levelId);
  const levelOf = (id: string | null) => plan?.levels.find((l) => l.id === id);
  // the clocks that run from the report: the occurrence time is then required (事发后10分钟…), and the
  // other events they wait for (气象局发布雪情预警) can be given at once
  const reportClocks = plan?.clocks.filter((c) => c.beforeLevel) ?? [];
  const fromOccurrence = reportClocks.some((c) => milestoneOf(c) === 'occurred');
  const waitedFor = [
    ...new Set(
      reportClocks
        .map(milestoneOf)
        .filter((m): m is Milestone => m !== null && !ENGINE_MILESTONES.includes(m)),
    ),
  ];
  const differs = view?.differs ?? false;
  const roles = plan?.units.filter((u) => u.kind === 'role' && u.bindsTo && u.bindsTo.length > 0) ?? [];
  const unitById = (id: string) => plan?.units.find((u) => u.id === id);
  const unitName = (id: string) => {
    const u = unitById(id);
    return u ? (lang === 'zh' ? u.name : u.en) : id;
  };
  const missing =
    view === null
      ? []
      : missingFields(view, { openOnly, title, reason, occurredRequired: fromOccurrence, occurred });
  const ready = view !== null && missing.length === 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!plan || (!level && !openOnly)) return;
    setBusy(true);
    setError(null);
    try {
      const r = await live.command('open', {
        planId: plan.id,
        ...(level && !openOnly ? { levelId: level.id } : {}),
        title: title.trim(),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        indicators: readings,
        ...(drill ? { drill } : {}),
        ...(differs && !openOnly ? { reason: reason.trim() } : {}),
        ...(placeUnit
          ? { place: { kind: 'unit', unitId: placeUnit } }
          : area.trim()
            ? { place: { kind: 'area', name: area.trim() } }
            : {}),
        ...(occurred ? { occurredAt: shanghaiLocalToIso(occurred) } : {}),
        ...(Object.values(known).some(Boolean)
          ? {
              milestones: Object.fromEntries(
                Object.entries(known)
                  .filter(([, v]) => v)
                  .map(([m, v]) => [m, shanghaiLocalToIso(v)]),
              ),
            }
          : {}),
        ...(Object.keys(assignees).length > 0 ? { assignees } : {}),
        requestId: newRequestId(),
      });
      void navigate(`/incidents/${r.incident.id}`);
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="declare-title" className="declare">
      <h1 id="declare-title">{t('navDeclare')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('plan')}
          <select name="plan" value={planId} onChange={(e) => choosePlan(e.target.value)} required>
            <option value="">{t('choosePlan')}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {t('planOption', { title: p.title[lang], doc: p.docNumber })}
              </option>
            ))}
          </select>
        </label>
        {plan && view && (
          <>
            <fieldset>
              <legend>{t('indicatorsHeading')}</legend>
              {plan.indicators.map((d) => (
                <IndicatorInput
                  key={d.key}
                  d={d}
                  t={t}
                  lang={lang}
                  value={raw[d.key] ?? ''}
                  problems={view.problems.filter((p) => p.key === d.key)}
                  onChange={(v) => setRaw((r) => ({ ...r, [d.key]: v }))}
                />
              ))}
            </fieldset>
            <div className="assessment" aria-live="polite" data-recommended={view.recommended ?? ''}>
              {view.problems.length > 0 && <p className="error">{t('readingsWrong')}</p>}
              {assessment && (
                <>
                  <p>
                    {assessment.level ? (
                      <>
                        {t('recommended', { level: '' })}
                        <LevelBadge
                          name={levelOf(assessment.level)?.name ?? null}
                          color={levelOf(assessment.level)?.color ?? null}
                        />
                      </>
                    ) : (
                      t('noRecommendation')
                    )}
                  </p>
                  {assessment.reasons.length > 0 && (
                    <>
                      <h3>{t('firedClauses')}</h3>
                      <ul>
                        {assessment.reasons.map((r) => (
                          <li key={r.criterion}>
                            {t('clauseLine', { clause: r.clause, text: lang === 'zh' ? r.text : r.textEn })}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  {assessment.notGiven.length > 0 && (
                    <p className="muted">
                      {t('notGiven', {
                        list: assessment.notGiven
                          .map((k) => plan.indicators.find((d) => d.key === k)?.name[lang] ?? k)
                          .join(t('tl_listSep')),
                      })}
                    </p>
                  )}
                </>
              )}
            </div>
            <label className="inline">
              <input
                type="checkbox"
                name="openOnly"
                checked={openOnly}
                onChange={(e) => setOpenOnly(e.target.checked)}
              />{' '}
              {t('openOnly')}
            </label>
            <fieldset disabled={openOnly}>
              <legend>{t('level')}</legend>
              <div className="level-choice">
                {plan.levels.map((l) => (
                  <label key={l.id} className={l.id === levelId ? 'chosen' : ''}>
                    <input
                      type="radio"
                      name="level"
                      value={l.id}
                      checked={l.id === levelId}
                      onChange={() => setChoice(pickLevel(l.id))}
                    />
                    <LevelBadge name={l.name} color={l.color} />
                  </label>
                ))}
              </div>
              {view.byOfficer ? (
                <p className="muted level-how">
                  {t('levelPicked')}
                  {view.recommended !== null && view.recommended !== levelId && (
                    <>
                      {' '}
                      <button type="button" className="small secondary" onClick={() => setChoice(FOLLOW)}>
                        {t('useRecommended')}
                      </button>
                    </>
                  )}
                </p>
              ) : (
                <p className="muted level-how">{t('levelFollows')}</p>
              )}
              {taskCount && (
                <p className="muted">{t('tasksAtLevel', { n: taskCount.n, units: taskCount.units })}</p>
              )}
              {level && (
                <p>
                  {level.declare.signer
                    ? t('needsSigner', { signer: t(`signer_${level.declare.signer}`) })
                    : t('noSigner')}
                  {t('paren', { text: level.declare.clause })}
                </p>
              )}
              {differs && (
                <label>
                  {t('otherLevelReason')}
                  <textarea
                    name="reason"
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    required
                    maxLength={2000}
                  />
                </label>
              )}
            </fieldset>
            <label>
              {t('titleRequired')}
              <input
                name="title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required
                maxLength={200}
              />
            </label>
            <label>
              {t('reportSummary')}
              <textarea
                name="summary"
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
                placeholder={t('reportSummaryHint')}
                maxLength={2000}
              />
            </label>
            <label>
              {t('placeUnit')}
              <select name="placeUnit" value={placeUnit} onChange={(e) => setPlaceUnit(e.target.value)}>
                <option value="">{t('chooseUnit')}</option>
                {plan.units
                  .filter((u) => u.kind === 'town' || u.kind === 'county' || u.kind === 'enterprise')
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {lang === 'zh' ? u.name : u.en}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              {t('areaName')}
              <input name="area" value={area} onChange={(e) => setArea(e.target.value)} maxLength={200} />
            </label>
            <label>
              {fromOccurrence ? t('occurredAtRequired') : t('occurredAt')}
              <input
                name="occurredAt"
                type="datetime-local"
                value={occurred}
                onChange={(e) => setOccurred(e.target.value)}
                required={fromOccurrence}
              />
              {fromOccurrence && <span className="muted">{t('occurredRequired')}</span>}
            </label>
            {waitedFor.map((m) => (
              <label key={m}>
                {t('knownMilestone', { milestone: t(`ms_${m}`) })}
                <input
                  name={`milestone-${m}`}
                  type="datetime-local"
                  value={known[m] ?? ''}
                  onChange={(e) => setKnown((k) => ({ ...k, [m]: e.target.value }))}
                />
              </label>
            ))}
            {roles.map((r) => (
              <label key={r.id}>
                {t('assignee', { role: lang === 'zh' ? r.name : r.en })}
                <select
                  value={assignees[r.id] ?? ''}
                  onChange={(e) =>
                    setAssignees((a) =>
                      e.target.value
                        ? { ...a, [r.id]: e.target.value }
                        : Object.fromEntries(Object.entries(a).filter(([k]) => k !== r.id)),
                    )
                  }
                >
                  <option value="">{t('chooseUnit')}</option>
                  {r.bindsTo!.map((u) => (
                    <option key={u} value={u}>
                      {unitName(u)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label className="inline">
              <input type="checkbox" checked={drill} onChange={(e) => setDrill(e.target.checked)} />{' '}
              {t('drill')}
            </label>
            <ErrorText error={error} />
            <button type="submit" disabled={busy || !ready} aria-describedby="declare-missing">
              {openOnly ? t('openButton') : level?.declare.signer ? t('proposeButton') : t('declareButton')}
            </button>
            {/* a greyed-out button says why: what is still to be filled in, as the officer meets it */}
            <p id="declare-missing" className="muted form-hint" role="status">
              {missing.length > 0 &&
                t(openOnly ? 'stillNeededOpen' : 'stillNeeded', {
                  list: missing.map((m) => t(`need_${m}`)).join(lang === 'zh' ? '、' : ', '),
                })}
            </p>
          </>
        )}
      </form>
    </section>
  );
}
