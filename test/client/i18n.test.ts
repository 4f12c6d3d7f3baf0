/**
 * The whole catalog, entry by entry: both languages present, English written in English (no full-width
 * punctuation, no Chinese characters but where a name is quoted on purpose), the same values filled in both
 * languages, and English words that agree with their numbers ("1 task", "2 tasks").
 */
import { describe, expect, it } from 'vitest';
import { fill, type MessageKey, MESSAGES, translate } from '../../client/src/i18n.ts';
import { ATTACH_WORDS } from '../../client/src/words/attachments.ts';
import { RECORD_WORDS } from '../../client/src/words/records.ts';

/** the main catalog and the words pages load with themselves (client/src/words/), held to the same rules */
const CATALOGS = [MESSAGES, RECORD_WORDS, ATTACH_WORDS] as const;
const ALL: Readonly<Record<string, { zh: string; en: string }>> = Object.assign({}, ...CATALOGS);
const KEYS = Object.keys(ALL) as MessageKey[];
const say = (lang: 'zh' | 'en', key: string, vars?: Record<string, string | number>) =>
  fill(ALL[key]![lang], vars);

/** English entries that quote a Chinese name on purpose, and why */
const CHINESE_ON_PURPOSE: Partial<Record<MessageKey, string>> = {
  toggle: 'the button names the other language in that language: 中文',
};

/** CJK punctuation (、。「」【】〔〕…), full-width forms (，：；（）！？％＋－), ideographs */
const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/u;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** `{name}` and `{name|one|other}`: the values a message takes */
const placeholders = (s: string) =>
  [...s.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]!).filter((v, i, all) => all.indexOf(v) === i);
const plurals = (s: string) =>
  [...s.matchAll(/\{(\w+)\|([^{}]*)\}/g)].map((m) => ({ v: m[1]!, forms: m[2]!.split('|') }));
const filled = (key: MessageKey, n: number) =>
  Object.fromEntries(placeholders(ALL[key]!.zh).map((v) => [v, n]));

describe('every entry of the catalog', () => {
  it('names each key once across the catalogs (a page’s word never shadows the main one)', () => {
    const count = CATALOGS.reduce((n, c) => n + Object.keys(c).length, 0);
    expect(Object.keys(ALL).length).toBe(count);
  });

  it('has more than a handful of entries', () => {
    expect(KEYS.length).toBeGreaterThan(250);
  });

  it.each(KEYS)('%s: both languages present and not blank', (key) => {
    const { zh, en } = ALL[key]!;
    expect(typeof zh).toBe('string');
    expect(typeof en).toBe('string');
    expect(zh.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
  });

  it.each(KEYS)('%s: English has no full-width punctuation and no Chinese', (key) => {
    const { en } = ALL[key]!;
    expect(en).not.toMatch(FULL_WIDTH);
    if (!CHINESE_ON_PURPOSE[key]) expect(en).not.toMatch(CJK);
  });

  it.each(KEYS)('%s: the same values are filled in both languages', (key) => {
    const { zh, en } = ALL[key]!;
    expect(placeholders(en).sort()).toEqual(placeholders(zh).sort());
  });

  it.each(KEYS)('%s: Chinese needs no plural forms; English ones have two', (key) => {
    const { zh, en } = ALL[key]!;
    expect(plurals(zh)).toEqual([]);
    for (const p of plurals(en)) {
      expect(p.forms).toHaveLength(2);
      expect(p.forms.every((f) => f.trim() !== '')).toBe(true);
    }
  });

  it.each(KEYS)('%s: every value is filled, in both languages, for 1 and for 2', (key) => {
    for (const lang of ['zh', 'en'] as const)
      for (const n of [1, 2]) expect(say(lang, key, filled(key, n))).not.toMatch(/[{}]/);
  });

  // English words that follow a number must agree with it, whatever the number is
  const NOUNS = 'tasks?|measures?|units?|actions?|reports?|obligations?|deadlines?|days?';
  it.each(KEYS)('%s: "1 tasks" and "2 task" never appear', (key) => {
    const one = say('en', key, filled(key, 1));
    const two = say('en', key, filled(key, 2));
    expect(one).not.toMatch(
      new RegExp(`\\b1 (?:open |new |queued |open response )?(?:${NOUNS.replace(/s\?/g, 's')})\\b`),
    );
    expect(two).not.toMatch(
      new RegExp(`\\b2 (?:open |new |queued |open response )?(?:${NOUNS.replace(/s\?/g, '')})\\b`),
    );
  });
});

describe('translate', () => {
  it.each<[MessageKey, Record<string, number | string>, string]>([
    ['fact_TasksAssigned', { n: 1 }, '1 task assigned'],
    ['fact_TasksAssigned', { n: 2 }, '2 tasks assigned'],
    ['fact_TasksAssigned', { n: 0 }, '0 tasks assigned'],
    ['tasksAtLevel', { n: 1, units: 1 }, '1 measure for 1 unit at this level'],
    ['tasksAtLevel', { n: 16, units: 34 }, '16 measures for 34 units at this level'],
    ['roleUnbound', { n: 1 }, 'Not bound: 1 task reaches no one'],
    ['roleUnbound', { n: 3 }, 'Not bound: 3 tasks reach no one'],
    [
      'staysOwed',
      { n: 1 },
      '1 report stays owed (they run from the occurrence; termination does not release them):',
    ],
    ['unitsAcknowledged', { done: 0, total: 1 }, '0 of 1 unit acknowledged'],
    ['unitsAcknowledged', { done: 2, total: 5 }, '2 of 5 units acknowledged'],
    ['noticeCount', { n: 1 }, '1 task'],
    ['withUnit', { name: 'Snow depth', unit: 'cm' }, 'Snow depth (cm)'],
    ['whoAmI', { user: 'duty', role: 'Duty officer' }, 'duty (Duty officer)'],
  ])('en %s %j → %j', (key, vars, text) => {
    expect(translate('en', key, vars)).toBe(text);
  });

  it.each<[MessageKey, Record<string, number | string>, string]>([
    ['fact_TasksAssigned', { n: 1 }, '下达 1 项任务'],
    ['tasksAtLevel', { n: 16, units: 34 }, '该级别下达 16 项措施，涉及 34 个单位'],
    ['withUnit', { name: '积雪深度', unit: '厘米' }, '积雪深度（厘米）'],
  ])('zh %s %j → %j', (key, vars, text) => {
    expect(translate('zh', key, vars)).toBe(text);
  });

  it('leaves a message without values as written', () => {
    expect(translate('en', 'noticeCount')).toBe(MESSAGES.noticeCount.en);
  });
});
