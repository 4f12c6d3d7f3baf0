/**
 * The shape of an executable emergency plan. One zod schema validates every plan file at load time; the
 * engine reads only what this schema allows. Every rule carries `clause` (the plan's own numbering, for
 * example "5.2", "3.3(1)", "五(五)3(3)①", "附件2-12") and `quote` (words copied verbatim from that clause),
 * so a reader — and the traceability test — can go from any rule to the sentence that demands it.
 */
import { z } from 'zod';

export const ROLES = ['admin', 'duty', 'director', 'commander', 'unit', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that can sign a level into force or out of it. `null` means the plan asks for no signature. */
export const Signer = z.enum(['director', 'commander']).nullable();
export type Signer = z.infer<typeof Signer>;

export const Text = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case ASCII words joined by "-"');

/** Where a rule comes from: the clause number and a verbatim quote from it. */
const cite = { clause: z.string().min(1), quote: z.string().min(2) };
export const Citation = z.strictObject(cite);
export type Citation = z.infer<typeof Citation>;

// ── Indicators ────────────────────────────────────────────────────────────────────────────────────────

const indicatorBase = { key: z.string().regex(/^[a-z][A-Za-z0-9]*$/), name: Text };
export const IndicatorDef = z.discriminatedUnion('kind', [
  z.strictObject({
    ...indicatorBase,
    kind: z.literal('number'),
    unit: Text,
    min: z.number(),
    max: z.number(),
    integer: z.boolean(),
  }),
  z.strictObject({ ...indicatorBase, kind: z.literal('boolean') }),
  z.strictObject({
    ...indicatorBase,
    kind: z.literal('series'),
    unit: Text,
    min: z.number(),
    max: z.number(),
    maxItems: z.number().int().positive(),
  }),
]);
export type IndicatorDef = z.infer<typeof IndicatorDef>;

/**
 * A predicate over the readings. Numeric bounds follow "以上含本数，以下不含本数": `gte` for "N 以上",
 * `lt` for "N 以下"; `gt` only where a plan writes a strict ">" (the AQI thresholds).
 */
export type Predicate =
  | { indicator: string; gte?: number; gt?: number; lt?: number; lte?: number }
  | { indicator: string; is: boolean }
  /** within one pollution process (四(四): split only at a gap that meets the lifting condition), at least `days` days are strictly above `runAbove` */
  | { indicator: string; runAbove: number; days: number }
  /** some day reaches `atLeast` */
  | { indicator: string; anyAtLeast: number }
  | { all: Predicate[] }
  | { any: Predicate[] };

export const Predicate: z.ZodType<Predicate> = z.lazy(() =>
  z.union([
    z.strictObject({
      indicator: z.string(),
      gte: z.number().optional(),
      gt: z.number().optional(),
      lt: z.number().optional(),
      lte: z.number().optional(),
    }),
    z.strictObject({ indicator: z.string(), is: z.boolean() }),
    z.strictObject({ indicator: z.string(), runAbove: z.number(), days: z.number().int().positive() }),
    z.strictObject({ indicator: z.string(), anyAtLeast: z.number() }),
    z.strictObject({ all: z.array(Predicate).min(1) }),
    z.strictObject({ any: z.array(Predicate).min(1) }),
  ]),
) as z.ZodType<Predicate>;

export const Criterion = z.strictObject({ id, ...cite, text: Text, when: Predicate });
export type Criterion = z.infer<typeof Criterion>;

// ── Levels ────────────────────────────────────────────────────────────────────────────────────────────

export const Level = z.strictObject({
  id: z.string().min(1),
  name: Text,
  /** the response the level starts, where the plan names it separately (重污染: 蓝色预警 → Ⅳ级应急响应) */
  response: Text.optional(),
  color: z.enum(['blue', 'yellow', 'orange', 'red']).nullable(),
  ...cite,
  criteria: z.array(Criterion),
  /** who starts the level and whose signature puts it in force */
  declare: z.strictObject({ body: Text, signer: Signer, ...cite }),
  /** whose signature ends it; `automatic` where the plan lets it lapse by itself */
  lift: z.strictObject({ body: Text, signer: Signer, automatic: Text.optional(), ...cite }),
  /** quantified goals the level sets (emission-reduction targets) */
  targets: z.array(z.strictObject({ text: Text, ...cite })).default([]),
});
export type Level = z.infer<typeof Level>;
export type LevelInput = z.input<typeof Level>;

// ── Units, groups, contacts ──────────────────────────────────────────────────────────────────────────

/** A contact the plan itself gives. A unit whose plan gives none has an empty list: missing, not invented. */
export const Contact = z.strictObject({
  label: z.string().min(1),
  phone: z
    .string()
    .regex(/^0533-\d{7}$/, 'Zibo numbers are written 0533-xxxxxxx')
    .optional(),
  person: z.string().optional(),
  post: z.string().optional(),
  /** the date the plan states the contact, so an old name is read as old */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  ...cite,
});
export type Contact = z.infer<typeof Contact>;

export const UNIT_KINDS = ['department', 'town', 'county', 'enterprise', 'media', 'role'] as const;

/**
 * Outside parties a role can be bound to when no member unit fits: a village from the official division
 * list, an enterprise (the plant where the accident happened), an expert, an insurer. They hold no account;
 * staff record what they report, on their behalf.
 */
export const PARTY_KINDS = ['village', 'enterprise', 'expert', 'insurer'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const Unit = z.strictObject({
  id,
  /** the plan's own name for the unit */
  name: z.string().min(1),
  en: z.string().min(1),
  kind: z.enum(UNIT_KINDS),
  /** a role the plan names without naming the body ("事故发生地区县政府"): bound to a real unit per incident */
  bindsTo: z.array(id).optional(),
  /** the kind of outside party the role may be bound to instead (a village, the plant, an expert, an insurer) */
  party: z.enum(PARTY_KINDS).optional(),
  /** the unit's duties, copied verbatim from the clause that lists them */
  duty: z.strictObject({ text: z.string().min(1), clause: z.string().min(1) }).optional(),
  contacts: z.array(Contact).default([]),
});
export type Unit = z.infer<typeof Unit>;

/** A working group (工作组) of the power-plant plan: led by named units, joined by others. */
export const Group = z.strictObject({
  id,
  name: z.string().min(1),
  en: z.string().min(1),
  lead: z.array(id).min(1),
  members: z.array(id).default([]),
  ...cite,
});
export type Group = z.infer<typeof Group>;

// ── Actions and clocks ───────────────────────────────────────────────────────────────────────────────

/** A circumstance under which an action applies. Evaluated against the incident's readings and date. */
export const ActionCondition = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('temperature'),
    gte: z.number().optional(),
    lt: z.number().optional(),
    label: Text,
    ...cite,
  }),
  /** a yearly window, month-day inclusive at both ends, that may wrap the new year */
  z.strictObject({
    kind: z.literal('season'),
    from: z.string().regex(/^\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{2}-\d{2}$/),
    label: Text,
    ...cite,
  }),
]);
export type ActionCondition = z.infer<typeof ActionCondition>;

export const Action = z.strictObject({
  id,
  /** the tier that introduces the action; higher tiers inherit it (cumulative tiers) */
  level: z.string().min(1),
  /** the highest tier that still carries it, where the plan limits it */
  upTo: z.string().optional(),
  /** `after`: an obligation that starts when the response is terminated */
  phase: z.enum(['response', 'after']).default('response'),
  title: Text,
  detail: z.string().min(1),
  ...cite,
  units: z.array(id).default([]),
  group: id.optional(),
  condition: ActionCondition.optional(),
  /** lower-tier actions this one restates more strictly; they are stood down when this one applies */
  supersedes: z.array(id).default([]),
});
export type Action = z.infer<typeof Action>;

export const MILESTONES = [
  'occurred',
  /** 接报: when the duty office received the first report; the incident opens then */
  'reported',
  'declared',
  'terminated',
  'snowfallEnded',
  'regionalWarningReceived',
  'verificationRequested',
  'writtenVerificationRequested',
  'townInformed',
  /** 市气象局或区气象局发布雪情预警信息 (snow 5): the operators' 30-minute broadcast runs from it */
  'snowWarningIssued',
] as const;
export const Milestone = z.enum(MILESTONES);
export type Milestone = z.infer<typeof Milestone>;

export const Offset = z
  .strictObject({
    minutes: z.number().int().positive().optional(),
    hours: z.number().int().positive().optional(),
    months: z.number().int().positive().optional(),
    workingDays: z.number().int().positive().optional(),
  })
  .refine((o) => Object.keys(o).length === 1, 'an offset has exactly one unit');
export type Offset = z.infer<typeof Offset>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const ClockStart = z.discriminatedUnion('kind', [
  /** due `offset` after a milestone of the incident */
  z.strictObject({ kind: z.literal('after'), milestone: Milestone, offset: Offset }),
  /** due at `time` (Asia/Shanghai) on every day of the response */
  z.strictObject({ kind: z.literal('daily'), time: hhmm }),
  /** due at `time` on the day after a milestone */
  z.strictObject({ kind: z.literal('nextDayBy'), milestone: Milestone, time: hhmm }),
  /** a preparedness deadline every year, outside any incident */
  z.strictObject({
    kind: z.literal('yearly'),
    month: z.number().int().min(1).max(12),
    day: z.number().int(),
  }),
]);
export type ClockStart = z.infer<typeof ClockStart>;

export const Clock = z.strictObject({
  id,
  level: z.string().min(1),
  upTo: z.string().optional(),
  title: Text,
  ...cite,
  owedBy: z.array(id).min(1),
  start: ClockStart,
  /**
   * The clause starts this clock from the occurrence, the report or an outside event, not from a
   * declaration: it runs from the moment the incident is opened (接报), while the level is still being
   * graded or waits for a signature, and stays in force at every level of its tier.
   */
  beforeLevel: z.boolean().default(false),
  note: Text.optional(),
});
export type Clock = z.infer<typeof Clock>;

// ── The plan ─────────────────────────────────────────────────────────────────────────────────────────

export const PLAN_IDS = ['snow-ice', 'rural-water', 'power-plant', 'heavy-pollution'] as const;
export const PlanId = z.enum(PLAN_IDS);
export type PlanId = z.infer<typeof PlanId>;

export const Plan = z.strictObject({
  id: PlanId,
  title: Text,
  docNumber: z.string().min(1),
  issuer: z.string().min(1),
  issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** the file under shared/plans/sources/ that holds the plan's full text */
  sourceFile: z.string().endsWith('.txt'),
  scope: z.strictObject({ text: Text, ...cite }),
  /** the sentence that makes the tiers cumulative ("在……基础上") */
  tiering: z.strictObject({ ...cite }),
  /** the plan's own statement of how "以上/以下" read, where it has one */
  boundaryRule: Citation.optional(),
  indicators: z.array(IndicatorDef).min(1),
  /** lowest first */
  levels: z.array(Level).min(2),
  units: z.array(Unit).min(1),
  groups: z.array(Group).default([]),
  actions: z.array(Action).min(1),
  clocks: z.array(Clock).min(1),
  /** starting one tier starts others too (rural-water: 区级 starts 镇级 and 村级) */
  links: z
    .array(z.strictObject({ from: z.string(), starts: z.array(z.string()).min(1), ...cite }))
    .default([]),
  /** sentences of the plan that admit more than one reading, and the reading encoded here */
  readings: z.array(z.strictObject({ ...cite, reading: Text })).default([]),
});
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;
