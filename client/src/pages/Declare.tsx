/**
 * Assess and declare: pick a plan, enter the readings it reads, see the recommended level and the clauses
 * that fired as you type, then declare, or submit for signature where the plan demands one. The officer
 * may choose another level than the recommendation, with a reason.
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Assessment } from '../../../shared/engine/assess.ts';
import type { Readings } from '../../../shared/engine/readings.ts';
import {
  actionsForLevel,
  actionUnits,
  ENGINE_MILESTONES,
  milestoneOf,
} from '../../../shared/engine/tiers.ts';
import type { IndicatorDef, Milestone, Plan } from '../../../shared/plans/schema.ts';
import { api, errorText, newRequestId } from '../api.ts';
import { usePlan } from '../components/usePlan.ts';
import { ErrorText, LevelBadge } from '../components/common.tsx';
import { type T, useLang, useT } from '../i18n.ts';
import { refreshDetail } from '../live/connection.ts';
import { shanghaiLocalToIso } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import type { Lang } from '../types.ts';

/** The form's raw text → the readings the API takes; blank fields are left out (not given). */
export function readingsFrom(plan: Plan, raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of plan.indicators) {
    const v = (raw[d.key] ?? '').trim();
    if (v === '') continue;
    if (d.kind === 'boolean') out[d.key] = v === 'true';
    else if (d.kind === 'number') out[d.key] = Number(v);
    else
      out[d.key] = v
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map(Number);
  }
  return out;
}

function IndicatorInput({
  d,
  value,
  onChange,
  t,
  lang,
}: {
  d: IndicatorDef;
  value: string;
  onChange: (v: string) => void;
  t: T;
  lang: Lang;
}) {
  const label = `${d.name[lang]}${d.kind !== 'boolean' ? `（${d.unit[lang]}）` : ''}`;
  if (d.kind === 'boolean')
    return (
      <label>
        {label}
        <select name={d.key} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('unknown')}</option>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </select>
      </label>
    );
  return (
    <label>
      {label}
      <input
        name={d.key}
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={d.kind === 'series' ? t('seriesHint') : `${d.min}–${d.max}`}
      />
    </label>
  );
}

export default function Declare() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const plans = useConsole((s) => s.plans);
  const [planId, setPlanId] = useState('');
  const plan = usePlan(planId || undefined);
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [assessError, setAssessError] = useState<string | null>(null);
  const [levelId, setLevelId] = useState('');
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

  useEffect(() => {
    setRaw({});
    setAssessment(null);
    setLevelId('');
    setAssignees({});
    setPlaceUnit('');
    setKnown({});
  }, [planId]);

  const readings = useMemo(() => (plan ? readingsFrom(plan, raw) : {}), [plan, raw]);
  // assess as the officer types, a quarter second after the last key
  useEffect(() => {
    if (!plan) return;
    // nothing typed yet: nothing to assess, and no error to show before the officer has begun
    if (Object.keys(readings).length === 0) {
      setAssessment(null);
      setAssessError(null);
      return;
    }
    const timer = setTimeout(() => {
      api.post<Assessment>(`/api/plans/${plan.id}/assess`, { indicators: readings }).then(
        (a) => {
          setAssessment(a);
          setAssessError(null);
          setLevelId((current) => (current === '' && a.level ? a.level : current));
        },
        (e) => setAssessError(errorText(e, lang)),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [plan, readings, lang]);

  // counted as the preview and the approval count them: the response measures in force at the level,
  // judged against these readings and today's date (shared/engine/tiers.ts)
  const taskCount = useMemo(() => {
    if (!plan || !levelId) return null;
    const measures = actionsForLevel(plan, levelId, { readings: readings as Readings, date: Date.now() });
    return { n: measures.length, units: new Set(measures.flatMap((a) => actionUnits(plan, a))).size };
  }, [plan, levelId, readings]);

  const level = plan?.levels.find((l) => l.id === levelId);
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
  const differs = assessment !== null && levelId !== '' && levelId !== assessment.level;
  const roles = plan?.units.filter((u) => u.kind === 'role' && u.bindsTo && u.bindsTo.length > 0) ?? [];
  const unitName = (id: string) => plan?.units.find((u) => u.id === id)?.name ?? id;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!plan || (!level && !openOnly)) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ incident: { id: string } }>('/api/incidents', {
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
      await refreshDetail(r.incident.id);
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
          <select name="plan" value={planId} onChange={(e) => setPlanId(e.target.value)} required>
            <option value="">{t('choosePlan')}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title[lang]}（{p.docNumber}）
              </option>
            ))}
          </select>
        </label>
        {plan && (
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
                  onChange={(v) => setRaw((r) => ({ ...r, [d.key]: v }))}
                />
              ))}
            </fieldset>
            <div className="assessment" aria-live="polite" data-recommended={assessment?.level ?? ''}>
              <ErrorText error={assessError} />
              {assessment && (
                <>
                  <p>
                    {assessment.level ? (
                      <>
                        {t('recommended', { level: '' })}
                        <LevelBadge
                          name={plan.levels.find((l) => l.id === assessment.level)?.name ?? null}
                          color={plan.levels.find((l) => l.id === assessment.level)?.color ?? null}
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
                            {r.clause}：{lang === 'zh' ? r.text : r.textEn}
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
                          .join('、'),
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
                      onChange={() => setLevelId(l.id)}
                    />
                    <LevelBadge name={l.name} color={l.color} />
                  </label>
                ))}
              </div>
              {taskCount && (
                <p className="muted">{t('tasksAtLevel', { n: taskCount.n, units: taskCount.units })}</p>
              )}
              {level && (
                <p>
                  {level.declare.signer
                    ? t('needsSigner', { signer: t(`signer_${level.declare.signer}`) })
                    : t('noSigner')}
                  （{level.declare.clause}）
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
              {t('title')}
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
                      {u.name}
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
                {t('assignee', { role: r.name })}
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
            <button
              type="submit"
              disabled={
                busy ||
                title.trim() === '' ||
                (fromOccurrence && occurred === '') ||
                (!openOnly && (!level || (differs && reason.trim() === '')))
              }
            >
              {openOnly ? t('openButton') : level?.declare.signer ? t('proposeButton') : t('declareButton')}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
