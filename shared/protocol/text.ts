/**
 * Text people type for other people to read (titles, notes, reasons, contact labels), cleaned at the
 * boundary. Control characters can ring terminals, break logs and hide text; bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks (U+200E, U+200F, U+061C) can make a
 * title or a note read differently from what was stored ("Trojan Source"), and an unclosed one reorders
 * whatever the page shows after it. None of them belongs in an incident's record, so they are removed,
 * never escaped; an unpaired surrogate is not text either and goes with them.
 */
import { z } from 'zod';

/**
 * C0 and C1 controls but tab, LF and CR (line breaks go per field), bidi controls, lone surrogates; the
 * zero-width space, word joiner and byte-order mark, which hide inside text; the tag characters; and the
 * noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF), which XML may not hold: one of them in a unit's note made
 * every later .docx of its incident a file Word refuses.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFDD0-\uFDEF\uFEFF\uFFFE\uFFFF]|\uDB40[\uDC00-\uDC7F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Multi-line text (notes, reasons): line breaks become \n (U+2028/2029 too), tabs stay, the rest goes. */
export const cleanText = (s: string): string =>
  s.replace(INVISIBLE, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');

/** Single-line text (titles, labels, names): as above, and a run of tabs or line breaks becomes one space. */
export const cleanLine = (s: string): string =>
  s.replace(INVISIBLE, '').replace(/[\t\n\r\u2028\u2029]+/g, ' ');

/**
 * The zod fields: cleaned first, then trimmed and measured, so a text of nothing but such characters is
 * refused as empty and the length limit counts what is kept.
 */
export const multiLine = (max: number) =>
  z.string().transform(cleanText).pipe(z.string().trim().min(1).max(max));
export const singleLine = (max: number) =>
  z.string().transform(cleanLine).pipe(z.string().trim().min(1).max(max));
