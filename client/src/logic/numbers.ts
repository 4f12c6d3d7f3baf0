/**
 * Reading what a duty officer types into a reading's field, as a Chinese input method types it: full-width
 * digits and signs ("１２", "－3", "１２．５", "＋5"), the ideographic full stop as a decimal point ("12。5"),
 * 零下/负 for minus, 万 for ten thousand, thousands grouped by commas ("1,000"), and a unit after the number
 * ("12mm", "12 毫米", "－3℃", "72小时", "1.2万人"). A unit that names the indicator's own unit is accepted;
 * one that names another unit ("3天" where hours are read, "35 μg/m³" where the AQI is read) is refused with
 * a message saying which unit the plan reads, never converted or silently dropped.
 */
import type { Bilingual } from '../../../shared/engine/text.ts';
import type { IndicatorDef } from '../../../shared/plans/schema.ts';

/** The units an officer may type, by what they measure (compared after normalise, in lower case). */
const UNITS = {
  mm: ['mm', '毫米', 'millimetre', 'millimetres', 'millimeter', 'millimeters'],
  cm: ['cm', '厘米', '公分', 'centimetre', 'centimetres', 'centimeter', 'centimeters'],
  m: ['m', '米', 'metre', 'metres', 'meter', 'meters'],
  celsius: ['°c', '℃', '度', '摄氏度', 'c', '°', 'deg', 'degc', 'degree', 'degrees'],
  fahrenheit: ['°f', '℉', 'f', '华氏度'],
  minute: ['min', '分钟', 'mins', 'minute', 'minutes', '分'],
  hour: ['h', '小时', '个小时', '钟头', '个钟头', 'hr', 'hrs', 'hour', 'hours'],
  day: ['d', '天', '日', 'day', 'days'],
  people: ['people', '人', '名', '位', '个人', 'person', 'persons'],
  household: ['户', 'households', 'household'],
  aqi: ['aqi'],
  concentration: ['μg/m3', 'ug/m3', 'mg/m3', '微克/立方米', '微克每立方米', '毫克/立方米', '毫克每立方米'],
  percent: ['%'],
} as const;
export type UnitKind = keyof typeof UNITS;

/** What a typed unit measures; null for words that are no unit we know. */
export function unitKind(text: string): UnitKind | null {
  const t = normalise(text).toLowerCase().replace(/\s+/g, '');
  if (t === '') return null;
  for (const [kind, spellings] of Object.entries(UNITS) as [UnitKind, readonly string[]][]) {
    if (spellings.includes(t)) return kind;
  }
  return null;
}

/**
 * Full-width forms to their ASCII twins (NFKC: "１２．５" → "12.5", "ｍｍ" and "㎜" → "mm", "℃" → "°C",
 * "µg/m³" → "μg/m3"), every dash that stands for minus to "-", the ideographic full stop between digits to
 * a decimal point, runs of spaces (the ideographic space too) to one.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2013\u2212\uFE63]/g, '-')
    .replace(/(\d)[。｡](\d)/g, '$1.$2')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Quantity {
  value: number;
  /** what was typed after the number, normalised (e.g. "mm", "小时"); null when nothing was */
  unit: string | null;
}

const QUANTITY =
  /^(?<sign>[+-]|零下|负)? ?(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+) ?(?<wan>万)? ?(?<unit>.*)$/u;

/** A number, with what was typed after it; null when the text does not start with one. */
export function readQuantity(text: string): Quantity | null {
  const m = QUANTITY.exec(normalise(text));
  if (!m?.groups) return null;
  const { sign, digits, wan, unit } = m.groups as Record<string, string | undefined>;
  const magnitude = Number((digits ?? '').replaceAll(',', '')) * (wan ? 10_000 : 1);
  if (!Number.isFinite(magnitude)) return null;
  const negative = sign === '-' || sign === '零下' || sign === '负';
  // 0 stays 0 ("-0" is no reading anyone means)
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const rest = (unit ?? '').trim();
  return { value: wan ? Math.round(value * 1e6) / 1e6 : value, unit: rest === '' ? null : rest };
}

/** The number in the text, with or without a unit we know after it; null when it is no number. */
export function readNumber(text: string): number | null {
  const q = readQuantity(text);
  if (!q) return null;
  return q.unit === null || unitKind(q.unit) !== null ? q.value : null;
}

type Measured = IndicatorDef & { kind: 'number' | 'series' };

/** The outcome of one field: nothing typed, a value for the readings, or a problem in both languages. */
export type FieldReading =
  | { given: false }
  | { given: true; value: number | boolean | number[] }
  | { given: true; problem: Bilingual };

const notANumber = (def: Measured, typed: string, where: Bilingual): Bilingual => ({
  zh: `${where.zh}：“${typed}”不是数字；请填写以${def.unit.zh}计的数值`,
  en: `${where.en}: “${typed}” is not a number; give the value in ${def.unit.en}`,
});

/** The indicator's own unit accepts its spellings, its zh and en words as the plan writes them, and nothing else. */
function unitFits(def: Measured, typed: string): boolean {
  const own = unitKind(def.unit.en) ?? unitKind(def.unit.zh);
  const kind = unitKind(typed);
  if (own !== null && kind !== null) return own === kind;
  const t = normalise(typed).toLowerCase();
  return t === normalise(def.unit.zh).toLowerCase() || t === normalise(def.unit.en).toLowerCase();
}

function readOne(def: Measured, text: string, where: Bilingual): number | Bilingual {
  const q = readQuantity(text);
  if (!q) return notANumber(def, text.trim(), where);
  if (q.unit === null || unitFits(def, q.unit)) return q.value;
  if (unitKind(q.unit) === null) return notANumber(def, text.trim(), where);
  return {
    zh: `${where.zh}以${def.unit.zh}计，不能按“${q.unit}”填写；请换算成${def.unit.zh}后填写`,
    en: `${where.en} is read in ${def.unit.en}, not in “${q.unit}”; give the value in ${def.unit.en}`,
  };
}

/** Day values are separated by commas (either width), 、, semicolons or spaces; a unit may follow each or the last. */
function readSeries(def: Measured, text: string, where: Bilingual): number[] | Bilingual {
  const items: string[] = [];
  for (const part of normalise(text).split(/ ?[,;、] ?/)) {
    // within a part, a word that is no number ("210 305 AQI") is the unit of the number before it
    const inPart: string[] = [];
    for (const token of part.split(' ').filter(Boolean)) {
      const last = inPart.length - 1;
      if (readQuantity(token) === null && last >= 0) inPart[last] += ` ${token}`;
      else inPart.push(token);
    }
    items.push(...inPart);
  }
  const values: number[] = [];
  for (const [i, item] of items.entries()) {
    const day = { zh: `${where.zh}第 ${i + 1} 天`, en: `${where.en}, day ${i + 1}` };
    const v = readOne(def, item, day);
    if (typeof v !== 'number') return v;
    values.push(v);
  }
  return values;
}

/**
 * One field of the readings form, as typed, for the indicator it reads: blank is not given; a yes/no is
 * "true" or "false" (the form's select); a number or a day series is read as above. Whether the value lies
 * in the indicator's range is the engine's check (parseReadings), not this one.
 */
export function readField(def: IndicatorDef, text: string): FieldReading {
  const typed = text.trim();
  if (typed === '') return { given: false };
  const where = { zh: `“${def.name.zh}”`, en: `“${def.name.en}”` };
  if (def.kind === 'boolean') {
    if (typed === 'true' || typed === 'false') return { given: true, value: typed === 'true' };
    return {
      given: true,
      problem: { zh: `${where.zh}应选“是”或“否”`, en: `${where.en}: choose yes or no` },
    };
  }
  const v = def.kind === 'number' ? readOne(def, typed, where) : readSeries(def, typed, where);
  return typeof v === 'number' || Array.isArray(v) ? { given: true, value: v } : { given: true, problem: v };
}
