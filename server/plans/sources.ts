/** The plans' full texts, shipped with the project under their document numbers (shared/plans/sources/). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plan } from '../../shared/plans/schema.ts';

const SOURCES = new URL('../../shared/plans/sources/', import.meta.url);
const cache = new Map<string, string>();

export function sourceText(plan: Plan): string {
  let text = cache.get(plan.id);
  if (text === undefined) {
    text = readFileSync(fileURLToPath(new URL(plan.sourceFile, SOURCES)), 'utf8');
    cache.set(plan.id, text);
  }
  return text;
}
