/**
 * Finds a clause of a plan's text by the plan's own numbering, so that any rule can be traced to the
 * sentence that demands it. Pure: it reads only the text it is given.
 *
 * Clause syntax (after folding full-width forms, so "４．２．２" and "（1）" read as "4.2.2" and "(1)"):
 *   "5.2", "3"        a numbered heading at the start of a line ("5.2 大雪预警响应", "3．等级划分")
 *   "五", "(五)"      a Chinese-numbered section ("五、应急响应") and subsection ("(五)响应措施")
 *   "3" after those   an item "3. III级响应措施"
 *   "(3)"             an item "(3)强制性污染减排措施" at the start of a line
 *   "①"               a circled item anywhere in its parent
 *   "附件2"           an annex ("附件 2" on a line of its own)
 *   "-12", "-十一"    a row of an annex table ("12\t区卫生健康局") or an annex item ("十一、市住房城乡建设局")
 * Tokens chain: "五(五)3(3)①", "2.1.4(3)", "3.3(1)", "附件3-十九".
 */

export interface Span {
  start: number;
  end: number;
}

interface Step {
  find: RegExp;
  /** where the found part ends: the next sibling or anything above it */
  boundary: RegExp;
}

const CN = '[一二三四五六七八九十]+';
const ANNEX_LINE = String.raw`^-?\s*附件`;
const TOKEN = new RegExp(
  String.raw`^(?:附件(\d+)|-(\d+)|-(${CN})|(${CN})|\((${CN})\)|(\d+(?:\.\d+)*)|\((\d+)\)|([①-⑳]))`,
);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rx = (source: string) => new RegExp(source, 'gm');

/**
 * Folds full-width ASCII forms ("４．２．２", "（１）") and the ideographic space to ASCII. Not NFKC: that
 * would also turn "①" into "1" and "Ⅱ" into "II", which the clause numbering needs to keep.
 */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function normalizeSource(text: string): string {
  return foldWidth(text).replace(/\r\n?/g, '\n');
}

/** Text with every space and line break removed: quotes are compared in this form. */
export function compact(text: string): string {
  return foldWidth(text).replace(/\s+/g, '');
}

function parseClause(clause: string): Step[] | null {
  const steps: Step[] = [];
  let rest = compact(clause);
  let previous: 'start' | 'dotted' | 'chinese' | 'annex' | 'item' = 'start';
  while (rest.length > 0) {
    const m = TOKEN.exec(rest);
    if (!m) return null;
    const [all, annex, row, annexItem, section, subsection, number, paren, circled] = m;
    if (annex) {
      steps.push({ find: rx(String.raw`^附件\s*${annex}\s*$`), boundary: rx(String.raw`^附件\s*\d+\s*$`) });
      previous = 'annex';
    } else if (row) {
      steps.push({ find: rx(String.raw`^${row}\t`), boundary: rx(String.raw`^\d+\t`) });
    } else if (annexItem) {
      steps.push({ find: rx(`^${annexItem}、`), boundary: rx(`^${CN}、`) });
    } else if (section) {
      steps.push({ find: rx(`^${section}、`), boundary: rx(`^${CN}、|${ANNEX_LINE}`) });
      previous = 'chinese';
    } else if (subsection) {
      steps.push({ find: rx(String.raw`^\(${subsection}\)`), boundary: rx(String.raw`^\(${CN}\)`) });
      previous = 'chinese';
    } else if (number && previous === 'start') {
      // "5.2" ends where the next heading of the same depth or shallower begins; "5.2.1" is inside it
      const depth = number.split('.').length;
      // a heading number is followed by a space or by a dot that starts no further number ("3．等级划分");
      // a wrapped line that happens to begin with digits ("４０分钟反馈") is not a heading
      const heading = String.raw`(?=\s|\.(?!\d))`;
      const shallower = String.raw`\d+(?:\.\d+){0,${depth - 1}}${heading}`;
      steps.push({
        find: rx(String.raw`^\s*${escapeRegExp(number)}${heading}`),
        boundary: rx(String.raw`^\s*${shallower}|${ANNEX_LINE}`),
      });
      previous = 'dotted';
    } else if (number) {
      steps.push({ find: rx(String.raw`^${number}\.`), boundary: rx(String.raw`^\d+\.(?!\d)`) });
      previous = 'item';
    } else if (paren) {
      steps.push({ find: rx(String.raw`^\s*\(${paren}\)`), boundary: rx(String.raw`^\s*\(\d+\)`) });
      previous = 'item';
    } else if (circled) {
      steps.push({ find: rx(circled), boundary: rx('[①-⑳]') });
      previous = 'item';
    }
    rest = rest.slice(all.length);
  }
  return steps.length > 0 ? steps : null;
}

function spansOf(text: string, step: Step, parent: Span): Span[] {
  const spans: Span[] = [];
  step.find.lastIndex = parent.start;
  for (let m = step.find.exec(text); m && m.index < parent.end; m = step.find.exec(text)) {
    step.boundary.lastIndex = m.index + Math.max(m[0].length, 1);
    const b = step.boundary.exec(text);
    const end = b && b.index < parent.end ? b.index : parent.end;
    spans.push({ start: m.index, end });
    if (m[0].length === 0) step.find.lastIndex++;
  }
  return spans;
}

/**
 * Every place the clause could be: a heading may appear twice (a table of contents, then the body).
 * Spans are offsets into `normalizeSource(text)`.
 */
export function clauseCandidates(text: string, clause: string): Span[] {
  const steps = parseClause(clause);
  if (!steps) return [];
  const norm = normalizeSource(text);
  let candidates: Span[] = [{ start: 0, end: norm.length }];
  for (const step of steps) candidates = candidates.flatMap((parent) => spansOf(norm, step, parent));
  return candidates;
}

/**
 * The clause's span. With a quote, the span that contains it (compared without spaces or line breaks);
 * without, the longest candidate, which is the body rather than a table of contents.
 */
export function locateClause(text: string, clause: string, quote?: string): Span | null {
  const candidates = clauseCandidates(text, clause);
  const norm = normalizeSource(text);
  if (quote !== undefined) {
    const wanted = compact(quote);
    return candidates.find((c) => compact(norm.slice(c.start, c.end)).includes(wanted)) ?? null;
  }
  return candidates.reduce<Span | null>((a, c) => (!a || c.end - c.start > a.end - a.start ? c : a), null);
}

/** The clause's own words, for showing beside a rule. */
export function clauseText(text: string, clause: string): string | null {
  const span = locateClause(text, clause);
  return span ? normalizeSource(text).slice(span.start, span.end).trim() : null;
}
