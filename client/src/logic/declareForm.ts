/**
 * The declare form's decisions, pure: what the typed readings are, what they recommend, and which level is
 * chosen. Everything is derived from what is typed now, so nothing shown can be left over from readings
 * since changed: a recommendation is shown only for readings that are all readable and in range, and under
 * a problem there is none. The chosen level follows the recommendation until the officer picks a level
 * themselves; from then on it stays their choice, and a reason is asked for when it differs.
 */
import { type Assessment, assess } from '../../../shared/engine/assess.ts';
import { parseReadings, type Readings } from '../../../shared/engine/readings.ts';
import type { Bilingual } from '../../../shared/engine/text.ts';
import type { Plan } from '../../../shared/plans/schema.ts';
import { readField } from './numbers.ts';

/** The level as the form holds it: following the recommendation, or picked by the officer. */
export type LevelChoice = { byOfficer: false } | { byOfficer: true; levelId: string };

/** A new form, or a new plan: the level follows the readings. */
export const FOLLOW: LevelChoice = { byOfficer: false };

/** The officer picks a level: it stays theirs whatever the readings say next. */
export const pickLevel = (levelId: string): LevelChoice => ({ byOfficer: true, levelId });

export interface FieldProblem {
  key: string;
  problem: Bilingual;
}

export interface DeclareView {
  /** the readings as the API takes them; blank fields are left out */
  readings: Readings;
  /** what is wrong with each field, in the plan's order; while any is listed nothing is recommended */
  problems: FieldProblem[];
  /** the assessment of exactly these readings; null when none is typed or any is wrong */
  assessment: Assessment | null;
  /** the level the readings recommend; null when they meet none, or there is no assessment */
  recommended: string | null;
  /** the chosen level: the officer's pick, else the recommendation ('' for none) */
  levelId: string;
  byOfficer: boolean;
  /** the chosen level is not the recommendation of an assessment: a reason is required */
  differs: boolean;
}

/** The form's raw text → the readings, each field's problem (unreadable, another unit, out of range). */
export function readForm(
  plan: Plan,
  raw: Record<string, string>,
): { readings: Readings; problems: FieldProblem[] } {
  const readings: Readings = {};
  const problems: FieldProblem[] = [];
  for (const def of plan.indicators) {
    const field = readField(def, raw[def.key] ?? '');
    if (!field.given) continue;
    if ('problem' in field) {
      problems.push({ key: def.key, problem: field.problem });
      continue;
    }
    // the engine's own check, one field at a time so that each problem stands under its field
    const parsed = parseReadings(plan, { [def.key]: field.value });
    if (parsed.ok) readings[def.key] = field.value;
    else for (const problem of parsed.problems) problems.push({ key: def.key, problem });
  }
  return { readings, problems };
}

/** The form's raw text → the readings the API takes, the readable ones only; blank fields are left out. */
export function readingsFrom(plan: Plan, raw: Record<string, string>): Readings {
  return readForm(plan, raw).readings;
}

export function declareView(plan: Plan, raw: Record<string, string>, choice: LevelChoice): DeclareView {
  const { readings, problems } = readForm(plan, raw);
  const assessment =
    problems.length === 0 && Object.keys(readings).length > 0 ? assess(plan, readings) : null;
  const recommended = assessment?.level ?? null;
  const levelId = choice.byOfficer ? choice.levelId : (recommended ?? '');
  return {
    readings,
    problems,
    assessment,
    recommended,
    levelId,
    byOfficer: choice.byOfficer,
    differs: assessment !== null && levelId !== '' && levelId !== recommended,
  };
}

export interface DeclareFields {
  openOnly: boolean;
  title: string;
  reason: string;
  /** the plan's clocks run from the occurrence, so its time is required */
  occurredRequired: boolean;
  occurred: string;
}

/** What the form still lacks before it may be sent, in the order the officer meets it on the page. */
export type Missing = 'readings' | 'level' | 'reason' | 'title' | 'occurred';

export function missingFields(view: DeclareView, f: DeclareFields): Missing[] {
  const missing: Missing[] = [];
  // a reading it cannot read is never sent, whatever else is filled in
  if (view.problems.length > 0) missing.push('readings');
  if (!f.openOnly) {
    if (view.levelId === '') missing.push('level');
    else if (view.differs && f.reason.trim() === '') missing.push('reason');
  }
  if (f.title.trim() === '') missing.push('title');
  if (f.occurredRequired && f.occurred === '') missing.push('occurred');
  return missing;
}

/** Whether the form may be sent: never with a reading it cannot read, nor a level without its reason. */
export const canSubmit = (view: DeclareView, f: DeclareFields): boolean =>
  missingFields(view, f).length === 0;
