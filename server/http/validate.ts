/** zod at the boundary: parse or answer 400 with what was wrong, in words a duty officer can act on. */
import type { z } from 'zod';
import { HttpError } from './errors.ts';

/** The fields a person fills in, named as the form names them; the path follows for whoever reads the API. */
const FIELD: Record<string, [string, string]> = {
  title: ['事件名称', 'title'],
  summary: ['接报内容', 'first report'],
  reason: ['理由', 'reason'],
  note: ['进展说明', 'note'],
  phone: ['电话', 'phone'],
  name: ['名称', 'name'],
  code: ['区划代码', 'division code'],
  occurredAt: ['发生时间', 'time of occurrence'],
  levelId: ['级别', 'level'],
};
const label = (path: PropertyKey[], lang: 0 | 1, body: string) => {
  if (path.length === 0) return body;
  const joined = path.join('.');
  const known = FIELD[String(path.at(-1))];
  return known ? `${known[lang]}（${joined}）` : joined;
};
const place = (path: PropertyKey[]) => label(path, 0, '请求体');
const placeEn = (path: PropertyKey[]) => label(path, 1, 'the body');

function describe(issue: z.core.$ZodIssue): { zh: string; en: string } {
  const at = place(issue.path);
  const atEn = placeEn(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      // name a few, short: the answer must not echo back whatever size the request was
      const keys = issue.keys.slice(0, 5).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k));
      const more = issue.keys.length > keys.length ? ` (+${issue.keys.length - keys.length})` : '';
      return {
        zh: `${at} 含有不认识的字段：${keys.join('、')}${more}`,
        en: `${atEn} has unknown fields: ${keys.join(', ')}${more}`,
      };
    }
    case 'invalid_type':
      return {
        zh: `${at} 缺失或类型不对（应为 ${issue.expected}）`,
        en: `${atEn} is missing or not a ${issue.expected}`,
      };
    case 'too_big':
      return {
        zh: `${at} 过长或过大（上限 ${String(issue.maximum)}）`,
        en: `${atEn} is too long or too large (at most ${String(issue.maximum)})`,
      };
    case 'too_small':
      return {
        zh: `${at} 不能为空或过小（下限 ${String(issue.minimum)}）`,
        en: `${atEn} is empty or too small (at least ${String(issue.minimum)})`,
      };
    case 'invalid_value':
      return {
        zh: `${at} 只能是：${issue.values.map(String).join('、')}`,
        en: `${atEn} must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union':
      return { zh: `${at} 的取值不符合任何一种允许的格式`, en: `${atEn} matches none of the allowed shapes` };
    default:
      return { zh: `${at} 格式不对：${issue.message}`, en: `${atEn} is not valid: ${issue.message}` };
  }
}

export function explain(error: z.ZodError) {
  const parts = error.issues.slice(0, 5).map(describe);
  return {
    zh: `请求内容有误：${parts.map((p) => p.zh).join('；')}`,
    en: `Invalid request: ${parts.map((p) => p.en).join('; ')}`,
    details: error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.map(String), code: i.code, message: i.message })),
  };
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const e = explain(result.error);
  throw new HttpError('INVALID', e.zh, e.en, e.details);
}

/** A named part of the path (`:planId`); routes registered from the contract are typed loosely by Express. */
export function pathParam(
  req: { params: Record<string, string | string[] | undefined> },
  name: string,
): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}
