/** The text cleaner (shared/protocol/text.ts): what goes, what stays, and what the zod fields then refuse. */
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, multiLine, singleLine } from '../../shared/protocol/text.ts';

const BIDI = [
  ...'\u202A\u202B\u202C\u202D\u202E', // embeddings, overrides, pop
  ...'\u2066\u2067\u2068\u2069', // isolates
  ...'\u200E\u200F\u061C', // direction marks
];
const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c));
const C1 = Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i)); // DEL and U+0080–U+009F

describe('cleanText and cleanLine', () => {
  it('remove every C0 and C1 control and every bidi control, wherever they stand', () => {
    for (const c of [...C0, ...C1, ...BIDI]) {
      const hex = c.charCodeAt(0).toString(16);
      expect(cleanText(`${c}甲${c}b${c}`), hex).toBe('甲b');
      expect(cleanLine(`${c}甲${c}b${c}`), hex).toBe('甲b');
    }
  });

  it('keep what people write: Chinese, right-to-left letters, emoji with joiners, punctuation', () => {
    for (const s of [
      '博山区降雪（Ⅱ级）：请于 30 分钟内报告。',
      'שלום עולם',
      'مرحبا',
      '👩‍🚒 👨‍👩‍👧',
      'a < b & "c"',
    ]) {
      expect(cleanText(s)).toBe(s);
      expect(cleanLine(s)).toBe(s);
    }
  });

  it('multi-line keeps \\n and \\t; \\r\\n, a lone \\r and U+2028/U+2029 become \\n', () => {
    expect(cleanText('一\r\n二\r三\u2028四\u2029五\n\t六')).toBe('一\n二\n三\n四\n五\n\t六');
  });

  it('single-line turns each run of tabs and line breaks into one space', () => {
    expect(cleanLine('标题\r\n\t第二行\u2028三\u0007\n四')).toBe('标题 第二行 三 四');
  });

  it('drop what XML may not hold and what hides inside text: noncharacters, zero-width space, word joiner, BOM, tags', () => {
    const dirty = `进展\uFFFF正常\uFFFE，\u200B已\u2060清\uFEFF扫\uFDD0${String.fromCodePoint(0xe0041)}`;
    expect(cleanText(dirty)).toBe('进展正常，已清扫');
    expect(cleanLine(dirty)).toBe('进展正常，已清扫');
    // an emoji with its joiner stays whole
    expect(cleanText('👩\u200D🚒')).toBe('👩\u200D🚒');
  });

  it('drop an unpaired surrogate and keep a pair, even one a control character stood inside', () => {
    expect(cleanText('a\uD800b\uDC00c😀')).toBe('abc😀');
    expect(cleanLine('\uD83D\u0007\uDE00')).toBe('');
  });
});

describe('the zod fields', () => {
  it('refuse a text of nothing but control, bidi and white space as empty', () => {
    for (const schema of [singleLine(10), multiLine(10)]) {
      const r = schema.safeParse(` \u202E\u2066\u0007\n\t\u200F `);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.code).toBe('too_small');
    }
  });

  it('measure what is kept, after trimming', () => {
    expect(singleLine(3).parse(' \u202Ea\u2066b\u2069c\u0007 ')).toBe('abc');
    expect(singleLine(3).safeParse('abcd').success).toBe(false);
    expect(multiLine(5).parse('\u202E一\r\n二\u0007')).toBe('一\n二');
  });

  it('still refuse what is not a string', () => {
    expect(singleLine(10).safeParse(5).success).toBe(false);
    expect(multiLine(10).safeParse(null).success).toBe(false);
  });
});
