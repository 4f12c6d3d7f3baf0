/** Messages for people: Chinese first, English second. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const say = (zh: string, en: string): Bilingual => ({ zh, en });

/** A language of the console: Chinese first, English by a toggle. */
export type Lang = keyof Bilingual;

/**
 * A message with its values filled in. `{n|one|other}` is a word that agrees with the number `n`: the first
 * form for exactly 1, the second otherwise (English only; Chinese needs none).
 */
export function fill(message: string, vars?: Record<string, string | number>): string {
  if (!vars) return message;
  return message
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, k: string, one: string, other: string) =>
      k in vars ? (Number(vars[k]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
}
