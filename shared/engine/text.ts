/** Messages for people: Chinese first, English second. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const say = (zh: string, en: string): Bilingual => ({ zh, en });

/** A language of the console: Chinese first, English by a toggle. */
export type Lang = keyof Bilingual;
