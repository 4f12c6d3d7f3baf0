/**
 * The shape of a parsed JSON payload, checked before anything else reads it. A value nested thousands deep
 * is only 12 KB of text but overflows the stack of every recursive reader (JSON.stringify, zod, a deep
 * copy); this walk uses its own stack and stops at the first bound crossed, so its cost is bounded too.
 */
import { PAYLOAD } from './limits.ts';

export interface ShapeProblem {
  zh: string;
  en: string;
}

export function shapeProblem(value: unknown, limits: typeof PAYLOAD = PAYLOAD): ShapeProblem | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes)
      return {
        zh: `请求内容的字段过多（上限 ${limits.maxNodes} 个）`,
        en: `The request has too many values (at most ${limits.maxNodes})`,
      };
    if (typeof v === 'string') {
      if (v.length > limits.maxString)
        return {
          zh: `请求中有文字过长（上限 ${limits.maxString} 字）`,
          en: `A text in the request is too long (at most ${limits.maxString} characters)`,
        };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth)
      return {
        zh: `请求内容嵌套过深（上限 ${limits.maxDepth} 层）`,
        en: `The request is nested too deeply (at most ${limits.maxDepth} levels)`,
      };
    const children = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v)) {
      if (children.length > limits.maxKeys)
        return {
          zh: `请求中有对象的字段过多（上限 ${limits.maxKeys} 个）`,
          en: `An object in the request has too many fields (at most ${limits.maxKeys})`,
        };
      if (Object.keys(v).some((k) => k.length > limits.maxKeyLength))
        return {
          zh: `请求中有字段名过长（上限 ${limits.maxKeyLength} 字）`,
          en: `A field name in the request is too long (at most ${limits.maxKeyLength} characters)`,
        };
    }
    if (children.length > limits.maxNodes - nodes)
      return {
        zh: `请求内容的字段过多（上限 ${limits.maxNodes} 个）`,
        en: `The request has too many values (at most ${limits.maxNodes})`,
      };
    for (const c of children) stack.push({ v: c, depth: depth + 1 });
  }
  return null;
}
