/**
 * The words of the 总结评估报告, in both languages, for every rendering of `incidentReview`
 * (shared/views/review.ts): the page, its print layout and the .docx (server/exports/reviewDocx.ts) say the
 * same thing in the same words. Headings follow the report's outline; sentences are built only from what the
 * record holds — nothing here invents a fact.
 */
import type { ObligationStatus } from '../engine/clocks.ts';
import type { ReviewSection } from '../engine/incident.ts';
import { fill, type Lang } from '../engine/text.ts';
import { formatShanghai } from '../engine/time.ts';
import type { ResponseStep, ReviewProblem } from './review.ts';

type Words = { zh: string; en: string };

/** The report's parts, in order: the computed ones, then the office's three sections. */
export const REVIEW_HEADINGS = {
  basics: { zh: '一、基本情况', en: '1. Basic facts' },
  response: { zh: '二、预警与响应', en: '2. Warning and response' },
  measures: { zh: '三、措施落实', en: '3. Measures carried out' },
  reporting: { zh: '四、信息报送', en: '4. Reporting' },
  problems: { zh: '五、存在问题（根据记录自动生成）', en: '5. Problems the record shows (generated)' },
  lessons: { zh: '六、经验', en: '6. Lessons' },
  officeProblems: { zh: '七、问题', en: '7. Problems' },
  suggestions: { zh: '八、改进建议', en: '8. Suggestions for improvement' },
} as const satisfies Record<string, Words>;
export type ReviewHeading = keyof typeof REVIEW_HEADINGS;

/** The heading of each section the office writes (REVIEW_SECTIONS). */
export const OFFICE_SECTION_HEADING: Record<ReviewSection, ReviewHeading> = {
  lessons: 'lessons',
  problems: 'officeProblems',
  suggestions: 'suggestions',
};

export const REVIEW_WORDS = {
  headings: REVIEW_HEADINGS,
  /** the title follows the incident's own title: "{title}应急处置总结评估报告" */
  titleSuffix: { zh: '应急处置总结评估报告', en: ' — emergency response review' },
  drill: { zh: '（演练）', en: ' (drill)' },
  plan: { zh: '依据预案', en: 'Plan' },
  generated: {
    zh: '本报告根据事件记录自动生成（记录第 {version} 版），生成时间：{at}（北京时间）',
    en: 'Generated from the incident’s record (version {version}) at {at}, Beijing time (Asia/Shanghai)',
  },
  changedSince: {
    zh: '本报告为签发时的记录；签发后记录又新增 {n} 条（如逾期补报），不在本报告内，以台账为准',
    en: 'This report is the record as signed; {n} {n|fact was|facts were} recorded after the sign-off (late reports, say) and are not in it: the ledger has them',
  },
  notGiven: { zh: '未填写', en: 'not given' },
  none: { zh: '无', en: 'none' },
  dash: { zh: '—', en: '—' },
  // 一、基本情况
  basics: {
    plan: { zh: '适用预案', en: 'Plan' },
    place: { zh: '事发地点', en: 'Place' },
    occurredAt: { zh: '事发时间', en: 'Occurred' },
    reportedAt: { zh: '接报时间', en: 'Reported' },
    declaredAt: { zh: '启动时间', en: 'Response declared' },
    terminatedAt: { zh: '终止时间', en: 'Response ended' },
    openedBy: { zh: '接报人', en: 'Recorded by' },
    summary: { zh: '接报内容', en: 'First report' },
    readings: { zh: '研判数据', en: 'Readings' },
    recommended: { zh: '建议响应级别', en: 'Recommended level' },
    highestLevel: { zh: '最高响应级别', en: 'Highest level reached' },
    finalLevel: { zh: '终止前响应级别', en: 'Last level in force' },
    notDeclared: { zh: '未启动响应', en: 'no response declared' },
    notEnded: { zh: '响应尚未终止', en: 'not ended yet' },
  },
  // 二、预警与响应
  response: {
    at: { zh: '时间', en: 'Time' },
    what: { zh: '事项', en: 'Step' },
    by: { zh: '提出人', en: 'Proposed by' },
    signedBy: { zh: '签批人', en: 'Signed by' },
    reason: { zh: '理由', en: 'Reason' },
    none: {
      zh: '记录中没有响应的启动、调整或终止。',
      en: 'The record holds no declaration, change or end of a response.',
    },
  },
  // 三、措施落实: the figures
  figures: {
    tasks: { zh: '任务', en: 'Tasks' },
    acknowledged: { zh: '已确认', en: 'Acknowledged' },
    done: { zh: '已完成', en: 'Done' },
    doneLate: { zh: '其中逾期完成', en: 'of which late' },
    closedUndone: { zh: '终止时未完成', en: 'Not done when the response ended' },
    missed: { zh: '超时未完成', en: 'Missed deadlines' },
    open: { zh: '仍待办理', en: 'Still owed' },
    overdue: { zh: '超时待办', en: 'Overdue, still owed' },
    unreached: { zh: '无人接收', en: 'Reaching no one' },
    stoodDown: { zh: '降级撤销', en: 'Stood down by a lower level' },
    units: { zh: '责任单位', en: 'Units' },
    unitsAcknowledged: { zh: '全部确认的单位', en: 'Units that acknowledged every task' },
    obligations: { zh: '报送时限', en: 'Reporting deadlines' },
    obligationsMet: { zh: '按时报送', en: 'Met on time' },
    obligationsLate: { zh: '逾期报送', en: 'Met late' },
    obligationsMissed: { zh: '超时未报', en: 'Missed or overdue' },
    notes: { zh: '进展报告', en: 'Progress reports' },
    item: { zh: '项目', en: 'Item' },
    count: { zh: '数量', en: 'Count' },
  },
  // 三、措施落实: the unit table
  units: {
    unit: { zh: '单位', en: 'Unit' },
    tasks: { zh: '任务数', en: 'Tasks' },
    acknowledged: { zh: '已确认', en: 'Acknowledged' },
    done: { zh: '已完成', en: 'Done' },
    doneLate: { zh: '逾期完成', en: 'Done late' },
    closedUndone: { zh: '终止时未完成', en: 'Not done at the end' },
    missed: { zh: '超时未完成', en: 'Missed' },
    firstAcknowledgedAt: { zh: '首次确认时间', en: 'First acknowledged' },
    lastDoneAt: { zh: '最后完成时间', en: 'Last done' },
    unreached: { zh: '（无人接收）', en: ' (reaches no one)' },
    none: { zh: '本次响应未下达任务。', en: 'No task was assigned in this response.' },
  },
  // 三、措施落实: one unit's tasks
  tasks: {
    no: { zh: '序号', en: 'No.' },
    title: { zh: '措施', en: 'Measure' },
    clause: { zh: '条款', en: 'Clause' },
    assignedAt: { zh: '下达时间', en: 'Assigned' },
    acknowledgedAt: { zh: '确认时间', en: 'Acknowledged' },
    doneAt: { zh: '完成时间', en: 'Done' },
    status: { zh: '落实情况', en: 'Outcome' },
    due: { zh: '时限 {at}', en: 'due {at}' },
    closed: { zh: '{at} 关闭', en: 'closed {at}' },
    notes: { zh: '进展记录', en: 'Progress reports' },
    noNotes: { zh: '无进展记录。', en: 'No progress reports.' },
    attachment: { zh: '附件：{name}', en: 'Attachment: {name}' },
    onBehalfOf: { zh: '（代{party}）', en: ' (for {party})' },
  },
  // 四、信息报送
  reporting: {
    title: { zh: '事项（条款）', en: 'Report (clause)' },
    unit: { zh: '责任单位', en: 'Responsible' },
    dueAt: { zh: '时限', en: 'Due' },
    doneAt: { zh: '完成时间', en: 'Done' },
    status: { zh: '情况', en: 'Outcome' },
    by: { zh: '报送人', en: 'Reported by' },
    none: { zh: '本次响应没有报送时限。', en: 'This response had no reporting deadline.' },
  },
  problems: {
    none: { zh: '记录未显示问题。', en: 'The record shows no problem.' },
  },
  office: {
    notWritten: { zh: '（尚未填写）', en: '(not written yet)' },
    written: { zh: '撰写：{by} {at}', en: 'Written by {by}, {at}' },
    drafts: { zh: '（第 {n} 稿）', en: ' (draft {n})' },
  },
  signOff: {
    signed: { zh: '签发人：{by}　签发时间：{at}', en: 'Signed off by {by} at {at}' },
    notSigned: { zh: '尚未签发', en: 'Not signed off yet' },
  },
} as const;

/** The unit table's columns, in order: the page, the print and the .docx show the same ones. */
export const UNIT_COLUMNS = [
  REVIEW_WORDS.units.unit,
  REVIEW_WORDS.units.tasks,
  REVIEW_WORDS.units.acknowledged,
  REVIEW_WORDS.units.done,
  REVIEW_WORDS.units.doneLate,
  REVIEW_WORDS.units.closedUndone,
  REVIEW_WORDS.units.missed,
  REVIEW_WORDS.units.firstAcknowledgedAt,
  REVIEW_WORDS.units.lastDoneAt,
] as const;

/** placeholders filled in: the one `fill` the console's catalog uses too */
export { fill };

export const OBLIGATION_WORDS: Record<ObligationStatus, Words> = {
  met: { zh: '按时完成', en: 'Met on time' },
  metLate: { zh: '逾期完成', en: 'Met late' },
  missed: { zh: '超时未完成', en: 'Missed' },
  closedUndone: { zh: '未完成（响应终止）', en: 'Not done — closed when the response ended' },
  overdue: { zh: '超时待办', en: 'Overdue' },
  pending: { zh: '未到期', en: 'Not yet due' },
  dueSoon: { zh: '即将到期', en: 'Due soon' },
};

export const obligationWord = (status: ObligationStatus, lang: Lang) => OBLIGATION_WORDS[status][lang];

export const STEP_WORDS: Record<ResponseStep['kind'], Words> = {
  proposed: { zh: '提请签批', en: 'Proposed for signature' },
  declared: { zh: '启动', en: 'Declared' },
  changed: { zh: '调整', en: 'Changed' },
  rejected: { zh: '驳回', en: 'Rejected' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  terminationProposed: { zh: '提请终止', en: 'Termination proposed' },
  terminated: { zh: '终止', en: 'Terminated' },
};

export const stepWord = (kind: ResponseStep['kind'], lang: Lang) => STEP_WORDS[kind][lang];

/**
 * A step as the 事项 column reads it: the word and the levels it moves between ("调整 Ⅲ级 → Ⅱ级"). The record
 * names levels in Chinese; `level` turns such a name into the language wanted (identity by default).
 */
export function stepText(
  step: Pick<ResponseStep, 'kind' | 'from' | 'to' | 'proposal'>,
  lang: Lang,
  level: (zhName: string) => string = (n) => n,
): string {
  const word = stepWord(step.kind, lang);
  // a turned-down or taken-back proposal to end the response names what it was
  if ((step.kind === 'rejected' || step.kind === 'withdrawn') && step.proposal === 'terminate')
    return lang === 'zh' ? `${word}终止响应的提请` : `${word}: the proposal to terminate`;
  const from = step.from === null ? null : level(step.from);
  const to = step.to === null ? null : level(step.to);
  if (step.kind === 'changed' && from !== null && to !== null) return `${word} ${from} → ${to}`;
  if (step.kind === 'proposed' && from !== null && to !== null) return `${word} ${from} → ${to}`;
  if (to !== null) return `${word} ${to}`;
  if ((step.kind === 'terminated' || step.kind === 'terminationProposed') && from !== null)
    return `${word} ${from}`;
  return word;
}

const time = (ms: number) => formatShanghai(ms);
const clauseOf = (clause: string, lang: Lang) =>
  clause ? (lang === 'zh' ? `（${clause}）` : ` (${clause})`) : '';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One problem the record shows, as a sentence (without its number). */
export function problemText(p: ReviewProblem, lang: Lang): string {
  if (lang === 'zh') {
    switch (p.kind) {
      case 'missed':
        return `${p.unit}未在时限（${time(p.dueAt)}）内完成“${p.title}”${clauseOf(p.clause, lang)}。`;
      case 'doneLate':
        return `${p.unit}逾期完成“${p.title}”${clauseOf(p.clause, lang)}：时限 ${time(p.dueAt)}，完成于 ${time(p.doneAt)}。`;
      case 'neverAcknowledged':
        return `${p.unit}承担的 ${p.tasks} 项任务始终未确认接收。`;
      case 'unreached':
        return `${p.unit}未明确承担单位，${p.tasks} 项任务无人接收。`;
    }
  }
  switch (p.kind) {
    case 'missed':
      return `${p.unitEn} did not complete “${p.titleEn}”${clauseOf(p.clause, lang)} by its deadline, ${time(p.dueAt)}.`;
    case 'doneLate':
      return `${p.unitEn} completed “${p.titleEn}”${clauseOf(p.clause, lang)} late: due ${time(p.dueAt)}, done ${time(p.doneAt)}.`;
    case 'neverAcknowledged':
      return `${p.unitEn} never acknowledged any of its ${plural(p.tasks, 'task', 'tasks')}.`;
    case 'unreached':
      return `${p.unitEn} was bound to no one: ${plural(p.tasks, 'task', 'tasks')} reached no one.`;
  }
}

/** Chinese numerals for the second-level numbering （一）（二）…, up to 99. */
export function chineseNumber(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}
