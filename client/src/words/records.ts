/**
 * The words of the after-response pages (issue 14: 总结评估, 台账, 历史事件, 统计), loaded with those pages rather
 * than with the console's first screen. The same rules as the main catalog (client/src/i18n.ts); its tests
 * read these too.
 */
import { type Catalog, usePageT } from '../i18n.ts';

export const RECORD_WORDS = {
  lg_attached: { zh: '附件：{names}', en: 'Attached: {names}' },
  rv_toolbar: { zh: '报告操作', en: 'Report actions' },
  rv_print: { zh: '打印', en: 'Print' },
  rv_docx: { zh: '下载 Word（.docx）', en: 'Download Word (.docx)' },
  rv_back: { zh: '返回事件', en: 'Back to the incident' },
  rv_unitsMayNot: {
    zh: '总结评估报告由应急办公室撰写和签发，成员单位不能查看。本单位的任务记录请见台账。',
    en: 'The after-action review is written and signed off by the office; member units cannot open it. Your unit’s tasks are in the ledger.',
  },
  rv_notEndedNote: {
    zh: '响应尚未结束：报告随记录更新，响应终止后方可撰写经验、问题、改进建议并签发。',
    en: 'The response has not ended: the report follows the record, and the lessons, problems and suggestions can be written and signed off once it ends.',
  },
  rv_draftMark: { zh: '未签发稿', en: 'Draft, not signed off' },
  rv_h_sign: { zh: '签发', en: 'Sign-off' },
  rv_chars: { zh: '{n}/{max} 字', en: '{n} of {max} characters' },
  rv_saving: { zh: '正在保存…', en: 'Saving…' },
  rv_saved: { zh: '已保存', en: 'Saved' },
  rv_unsaved: { zh: '有未保存的修改', en: 'Unsaved changes' },
  rv_revert: { zh: '放弃修改', en: 'Discard changes' },
  rv_ph_lessons: {
    zh: '本次处置中行之有效的做法（没有则写“无”）',
    en: 'What worked in this response (write "none" if nothing)',
  },
  rv_ph_problems: {
    zh: '处置中暴露的问题及其原因（没有则写“无”）',
    en: 'The problems the response showed, and why (write "none" if none)',
  },
  rv_ph_suggestions: {
    zh: '对预案、机制、队伍、物资等的改进建议（没有则写“无”）',
    en: 'Improvements to the plan, procedures, teams or supplies (write "none" if none)',
  },
  rv_signFinal: { zh: '已签发，报告不再修改。', en: 'Signed off: the review no longer changes.' },
  rv_sign: { zh: '签发', en: 'Sign off' },
  rv_signConfirm: {
    zh: '签发后，经验、问题、改进建议均不能再修改。确认签发？',
    en: 'Once signed off, the lessons, problems and suggestions can no longer change. Sign it off?',
  },
  rv_signConfirmButton: { zh: '确认签发', en: 'Sign off now' },
  rv_signNeeds: { zh: '须先填写：{list}', en: 'Write these first: {list}' },
  rv_signUnsaved: { zh: '请先保存或放弃未保存的修改', en: 'Save or discard the unsaved changes first' },
  rv_signWho: {
    zh: '由办公室主任或总指挥签发',
    en: 'The office director or the commander signs it off',
  },
  rv_signAfterEnd: { zh: '响应终止后方可签发', en: 'It can be signed off once the response has ended' },
  lg_titleUnit: { zh: '本单位台账', en: 'Our unit’s ledger' },
  lg_filters: { zh: '筛选条件', en: 'Filters' },
  lg_level: { zh: '最高级别', en: 'Highest level' },
  lg_anyLevel: { zh: '全部级别', en: 'All levels' },
  lg_from: { zh: '起始日期', en: 'From' },
  lg_to: { zh: '截止日期', en: 'To' },
  lg_kind: { zh: '真实/演练', en: 'Real or drill' },
  lg_real: { zh: '真实', en: 'Real' },
  lg_all: { zh: '全部', en: 'All' },
  lg_incident: { zh: '事件：{title}', en: 'Incident: {title}' },
  lg_removeIncident: { zh: '移除事件筛选', en: 'Remove the incident filter' },
  lg_clear: { zh: '清除筛选', en: 'Clear filters' },
  lg_total: { zh: '共 {n} 条', en: '{n} {n|row|rows}' },
  lg_shown: { zh: '第 {first}–{last} 条', en: 'rows {first}–{last}' },
  lg_page: { zh: '第 {page}/{pages} 页', en: 'page {page} of {pages}' },
  lg_prev: { zh: '上一页', en: 'Previous' },
  lg_next: { zh: '下一页', en: 'Next' },
  lg_xlsx: { zh: '导出 Excel（.xlsx）', en: 'Export Excel (.xlsx)' },
  lg_csv: { zh: '导出 CSV', en: 'Export CSV' },
  lg_empty: { zh: '没有符合条件的记录', en: 'Nothing matches these filters' },
  lg_datesReversed: { zh: '起始日期晚于截止日期', en: 'The start date is after the end date' },
  hi_search: { zh: '关键词（事件名称、接报内容、地点）', en: 'Words (title, first report, place)' },
  hi_find: { zh: '查找', en: 'Find' },
  hi_status: { zh: '状态', en: 'Status' },
  hi_anyStatus: { zh: '全部状态', en: 'Any status' },
  hi_total: { zh: '共 {n} 起', en: '{n} {n|incident|incidents}' },
  hi_opened: { zh: '接报 {time}', en: 'reported {time}' },
  hi_noLevel: { zh: '未启动响应', en: 'No response declared' },
  hi_review: { zh: '总结评估', en: 'Review' },
  st_overview: { zh: '概况', en: 'Overview' },
  st_incidents: { zh: '响应次数', en: 'Responses' },
  st_units: { zh: '涉及单位', en: 'Units involved' },
  st_deadlines: { zh: '有结果的时限', en: 'Deadlines with an outcome' },
  st_metShare: { zh: '按时完成率', en: 'Deadlines met on time' },
  st_byPlan: { zh: '按预案', en: 'By plan' },
  st_byLevel: { zh: '按最高级别', en: 'By highest level' },
  st_byMonth: { zh: '按月份', en: 'By month' },
  st_month: { zh: '月份', en: 'Month' },
  st_unitTable: { zh: '各单位响应情况', en: 'Each unit’s record' },
  st_incidentsCol: { zh: '事件', en: 'Incidents' },
  st_tasks: { zh: '任务', en: 'Tasks' },
  st_medianAck: { zh: '确认用时（中位数）', en: 'Time to acknowledge (median)' },
  st_noAck: { zh: '无确认', en: 'None acknowledged' },
  st_shareDetail: {
    zh: '按时 {met} / 逾期 {late} / 超时未完成 {missed}，共 {n}',
    en: '{met} on time / {late} late / {missed} missed, of {n}',
  },
  st_none: { zh: '无', en: 'None' },
  st_sortHint: { zh: '点击排序', en: 'Click to sort' },
  st_data: { zh: '数据：{title}', en: 'Data: {title}' },
  st_chartFailed: {
    zh: '图表未能加载，数据见下表',
    en: 'The charts could not load; the numbers are in the tables',
  },
  st_empty: { zh: '所选范围内没有响应', en: 'No response in this range' },
} as const satisfies Catalog;

export type RecordKey = keyof typeof RECORD_WORDS;
export const useRecordsT = () => usePageT(RECORD_WORDS);
export type RecordsT = ReturnType<typeof useRecordsT>;
