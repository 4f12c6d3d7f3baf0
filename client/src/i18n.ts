/** Every string the UI shows, Chinese first, through one catalog. `{name}` marks a value filled in. */
import { useConsole } from './store/index.ts';
import type { Lang } from './types.ts';

export type { Lang };

const CATALOG = {
  appTitle: { zh: '应急预案指挥调度台', en: 'Emergency-Plan Operations Console' },
  toggle: { zh: 'English', en: '中文' },
  demoBanner: {
    zh: '演示模式：账号 admin、duty、director、commander、leader 及各成员单位编号，密码均为 demo；数据仅供演练',
    en: 'Demo mode: accounts admin, duty, director, commander, leader and each member unit’s id, all with the password demo; for drills only',
  },
  loading: { zh: '正在加载…', en: 'Loading…' },
  loadFailed: { zh: '加载失败', en: 'Could not load' },
  missing: { zh: '未提供', en: 'not given' },
  // navigation
  navDashboard: { zh: '态势', en: 'Dashboard' },
  navWall: { zh: '大屏', en: 'Wall screen' },
  navMap: { zh: '地图', en: 'Map' },
  navDeclare: { zh: '研判发布', en: 'Assess & declare' },
  navApprovals: { zh: '待签批', en: 'Approvals' },
  navInbox: { zh: '任务收件箱', en: 'Task inbox' },
  navPlans: { zh: '预案', en: 'Plans' },
  navContacts: { zh: '通讯录', en: 'Contacts' },
  logout: { zh: '退出', en: 'Log out' },
  skipToMain: { zh: '跳到正文', en: 'Skip to content' },
  // roles
  role_admin: { zh: '管理员', en: 'Administrator' },
  role_duty: { zh: '值班员', en: 'Duty officer' },
  role_director: { zh: '办公室主任', en: 'Office director' },
  role_commander: { zh: '总指挥', en: 'Commander' },
  role_unit: { zh: '成员单位', en: 'Member unit' },
  role_leader: { zh: '领导', en: 'Leader' },
  // connection
  connLive: { zh: '实时', en: 'Live' },
  connConnecting: { zh: '正在连接…', en: 'Connecting…' },
  connReconnecting: { zh: '正在重连…', en: 'Reconnecting…' },
  connOffline: { zh: '离线（自 {time}）', en: 'Offline since {time}' },
  // login
  loginTitle: { zh: '登录', en: 'Log in' },
  username: { zh: '账号', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  loginButton: { zh: '登录', en: 'Log in' },
  ended_expired: { zh: '会话已过期，请重新登录。', en: 'Your session expired; please log in again.' },
  ended_replaced: {
    zh: '该账号在别处登录的会话过多，本页的会话已被结束，请重新登录。',
    en: 'This account has too many sessions elsewhere, so this page’s session was ended; please log in again.',
  },
  ended_logout: { zh: '已退出登录。', en: 'You have logged out.' },
  // incidents and levels
  status_proposed: { zh: '待签批', en: 'Awaiting signature' },
  status_active: { zh: '响应中', en: 'Active' },
  status_terminated: { zh: '已终止', en: 'Terminated' },
  status_rejected: { zh: '已驳回', en: 'Rejected' },
  noLevel: { zh: '未生效', en: 'No level in force' },
  noColourLevel: { zh: '预案未规定颜色', en: 'no colour in the plan' },
  drill: { zh: '演练', en: 'Drill' },
  sinceDeclared: { zh: '已持续 {time}', en: 'Running {time}' },
  unitsAcknowledged: { zh: '{done}/{total} 个单位已确认', en: '{done} of {total} units acknowledged' },
  overdueCount: { zh: '超时 {n} 项', en: '{n} overdue' },
  noOverdue: { zh: '无超时', en: 'Nothing overdue' },
  nextClocks: { zh: '下一时限', en: 'Next deadlines' },
  noClocks: { zh: '暂无时限', en: 'No deadlines' },
  timeline: { zh: '动态', en: 'Timeline' },
  noIncidents: { zh: '当前没有生效的事件', en: 'No incident is live' },
  liveIncidents: { zh: '生效中的事件', en: 'Live incidents' },
  endedIncidents: { zh: '已结束的事件', en: 'Ended incidents' },
  openIncident: { zh: '查看详情', en: 'Open' },
  pendingBanner: {
    zh: '“{level}”等待{signer}签批（{by} 提出：{reason}）',
    en: '“{level}” awaits the {signer}’s signature ({by}: {reason})',
  },
  pendingTerminate: {
    zh: '终止响应等待{signer}签批（{by} 提出：{reason}）',
    en: 'Termination awaits the {signer}’s signature ({by}: {reason})',
  },
  // facts
  fact_IncidentOpened: { zh: '立案：{title}', en: 'Opened: {title}' },
  fact_LevelProposed: {
    zh: '{by}提出“{level}”，待{signer}签批',
    en: '{by} proposed “{level}”, for the {signer} to sign',
  },
  fact_TerminationProposed: {
    zh: '{by}提出终止响应，待{signer}签批',
    en: '{by} proposed to terminate, for the {signer} to sign',
  },
  fact_ProposalRejected: { zh: '{by}驳回：{reason}', en: '{by} rejected: {reason}' },
  fact_LevelSet: { zh: '“{level}”生效（{by}）', en: '“{level}” in force ({by})' },
  fact_Terminated: { zh: '响应终止（{by}）', en: 'Response terminated ({by})' },
  fact_MilestoneRecorded: { zh: '记录节点：{milestone}', en: 'Milestone: {milestone}' },
  fact_TasksAssigned: { zh: '下达 {n} 项任务', en: '{n} tasks assigned' },
  fact_TasksStoodDown: { zh: '撤销 {n} 项任务', en: '{n} tasks stood down' },
  fact_TaskAcknowledged: { zh: '{unit} 确认收到任务', en: '{unit} acknowledged a task' },
  fact_TaskReported: { zh: '{unit} 报告：{note}', en: '{unit} reported: {note}' },
  fact_TaskOverdue: { zh: '{unit} 的任务超时', en: 'A task of {unit} is overdue' },
  // milestones
  ms_occurred: { zh: '事故发生', en: 'Occurred' },
  ms_declared: { zh: '响应启动', en: 'Declared' },
  ms_terminated: { zh: '响应终止', en: 'Terminated' },
  ms_snowfallEnded: { zh: '降雪停止', en: 'Snowfall ended' },
  ms_regionalWarningReceived: { zh: '收到区域预警', en: 'Regional warning received' },
  ms_verificationRequested: { zh: '收到核实要求', en: 'Verification requested' },
  ms_writtenVerificationRequested: { zh: '收到书面核实要求', en: 'Written verification requested' },
  ms_townInformed: { zh: '已通知镇（街道）', en: 'Town informed' },
  ms_reported: { zh: '接报', en: 'First report received' },
  ms_snowWarningIssued: { zh: '气象局发布雪情预警', en: 'Snow warning issued by the weather bureau' },
  // tasks
  task_assigned: { zh: '待确认', en: 'To acknowledge' },
  task_acknowledged: { zh: '已确认', en: 'Acknowledged' },
  task_inProgress: { zh: '处置中', en: 'In progress' },
  task_done: { zh: '已完成', en: 'Done' },
  task_stoodDown: { zh: '已撤销', en: 'Stood down' },
  task_closed: { zh: '已关闭', en: 'Closed' },
  taskOverdue: { zh: '超时', en: 'Overdue' },
  queued: { zh: '待发送', en: 'Queued to send' },
  acknowledge: { zh: '确认收到', en: 'Acknowledge' },
  progressNote: { zh: '报告进展', en: 'Report progress' },
  markDone: { zh: '报告完成', en: 'Report done' },
  notePlaceholder: { zh: '进展或完成情况', en: 'Progress or outcome' },
  send: { zh: '发送', en: 'Send' },
  cancel: { zh: '取消', en: 'Cancel' },
  due: { zh: '时限 {time}', en: 'Due {time}' },
  noDue: { zh: '无时限', en: 'No deadline' },
  clause: { zh: '依据 {clause}', en: 'Clause {clause}' },
  allNotes: { zh: '全部进展（{n}）', en: 'All reports ({n})' },
  notesTitle: { zh: '进展报告：{task}', en: 'Progress reports: {task}' },
  notesShown: {
    zh: '共 {total} 条，已显示 {shown} 条（最新在前）',
    en: '{shown} of {total} shown, newest first',
  },
  loadMore: { zh: '加载更多', en: 'Load more' },
  noNotes: { zh: '暂无进展报告', en: 'No reports yet' },
  close: { zh: '关闭', en: 'Close' },
  // inbox
  inboxEmpty: { zh: '没有待办任务', en: 'No open tasks' },
  showAll: { zh: '显示全部（含已完成）', en: 'Show all (including finished)' },
  enableNotifications: { zh: '开启桌面通知', en: 'Enable notifications' },
  newTaskNotice: { zh: '收到 {n} 项新任务', en: '{n} new tasks' },
  queuedCount: { zh: '{n} 条操作待联网后发送', en: 'Queued actions to send when back online: {n}' },
  sentAfterReconnect: { zh: '已补发 {n} 条离线操作', en: 'Sent {n} queued actions' },
  refusedQueued: { zh: '离线操作被拒绝：{message}', en: 'A queued action was refused: {message}' },
  queuedPaced: {
    zh: '操作过于频繁：{n} 条操作已排队，约 {s} 秒后自动发送，不会丢失',
    en: 'Too many actions at once: {n} queued, sent automatically in about {s} s; nothing is lost',
  },
  // incident page
  taskMatrix: { zh: '任务矩阵', en: 'Task matrix' },
  clocks: { zh: '时限', en: 'Clocks' },
  waitingFor: { zh: '等待“{milestone}”后开始计时', en: 'Starts when “{milestone}” is recorded' },
  recordNow: { zh: '记录为现在', en: 'Record as now' },
  clock_met: { zh: '按时完成', en: 'Met' },
  clock_metLate: { zh: '逾期完成', en: 'Met late' },
  clock_missed: { zh: '未按时完成', en: 'Missed' },
  placeUnit: { zh: '事发单位或镇（街道）（可选）', en: 'Unit or town where it happened (optional)' },
  levelHistory: { zh: '级别变更', en: 'Level history' },
  readings: { zh: '研判数据与建议', en: 'Readings and recommendation' },
  recommended: { zh: '建议级别：{level}', en: 'Recommended: {level}' },
  noRecommendation: { zh: '读数未达到任何级别', en: 'The readings meet no level' },
  actions: { zh: '处置', en: 'Actions' },
  changeLevel: { zh: '调整级别', en: 'Change level' },
  terminate: { zh: '终止响应', en: 'Terminate' },
  approve: { zh: '签批同意', en: 'Approve' },
  reject: { zh: '驳回', en: 'Reject' },
  reason: { zh: '理由（必填）', en: 'Reason (required)' },
  reasonOptional: { zh: '意见（可选）', en: 'Comment (optional)' },
  willAdd: { zh: '将新增 {n} 项措施', en: '{n} measures will be added' },
  willStandDown: { zh: '将撤销 {n} 项措施', en: '{n} measures will be stood down' },
  needsSigner: { zh: '须经{signer}签批后生效', en: 'Takes effect once the {signer} signs' },
  noSigner: { zh: '无须签批，确认后立即生效', en: 'No signature needed; takes effect on confirmation' },
  confirm: { zh: '确认', en: 'Confirm' },
  done: { zh: '已完成', en: 'Done' },
  from: { zh: '由', en: 'from' },
  signedBy: { zh: '签批：{who}', en: 'signed by {who}' },
  allUnits: { zh: '全部单位', en: 'All units' },
  place: { zh: '地点', en: 'Place' },
  // declare
  plan: { zh: '预案', en: 'Plan' },
  choosePlan: { zh: '选择预案', en: 'Choose a plan' },
  indicatorsHeading: { zh: '研判数据', en: 'Readings' },
  seriesHint: {
    zh: '按日填写，逗号分隔，首日在前',
    en: 'One value per day, comma separated, first day first',
  },
  unknown: { zh: '未填', en: 'not given' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  notGiven: { zh: '未填写：{list}', en: 'Not given: {list}' },
  firedClauses: { zh: '触发条款', en: 'Clauses that fired' },
  level: { zh: '级别', en: 'Level' },
  otherLevelReason: {
    zh: '所选级别与建议不同，请说明理由',
    en: 'The chosen level differs from the recommendation: give the reason',
  },
  title: { zh: '事件名称', en: 'Title' },
  areaName: { zh: '地点（可选）', en: 'Place (optional)' },
  occurredAt: { zh: '发生时间（北京时间，可选）', en: 'Occurred at (Beijing time, optional)' },
  assignee: { zh: '{role}：', en: '{role}: ' },
  chooseUnit: { zh: '选择单位', en: 'Choose a unit' },
  declareButton: { zh: '发布', en: 'Declare' },
  proposeButton: { zh: '提交签批', en: 'Submit for signature' },
  tasksAtLevel: {
    zh: '该级别下达 {n} 项措施，涉及 {units} 个单位',
    en: '{n} measures for {units} units at this level',
  },
  // approvals
  approvalsEmpty: { zh: '没有等待您签批的事项', en: 'Nothing awaits your signature' },
  proposedBy: { zh: '{by} 于 {time} 提出', en: 'Proposed by {by} at {time}' },
  // plans
  criteria: { zh: '启动条件', en: 'Criteria' },
  declaredBy: { zh: '发布', en: 'Declared by' },
  liftedBy: { zh: '解除', en: 'Lifted by' },
  tierTable: { zh: '分级措施表', en: 'Measures by level' },
  tierAdds: { zh: '新增', en: 'adds' },
  tierCarried: { zh: '沿用', en: 'carried' },
  tierSuperseded: { zh: '由更严措施替代', en: 'superseded' },
  conditional: { zh: '条件：{text}', en: 'If: {text}' },
  units: { zh: '成员单位', en: 'Member units' },
  afterPhase: { zh: '响应终止后', en: 'After termination' },
  readingsOfPlan: { zh: '条文理解说明', en: 'How ambiguous clauses are read' },
  sourceText: { zh: '预案全文', en: 'Full text' },
  docNumber: { zh: '文号', en: 'Document' },
  issuer: { zh: '发布机关', en: 'Issued by' },
  // contacts
  search: { zh: '搜索单位', en: 'Search units' },
  allPlans: { zh: '全部预案', en: 'All plans' },
  noPhone: { zh: '缺少值班电话', en: 'No duty phone' },
  planContact: { zh: '预案所载（{clause}，{asOf}）', en: 'From the plan ({clause}, {asOf})' },
  adminContact: { zh: '管理员补充', en: 'Added by an administrator' },
  edit: { zh: '编辑', en: 'Edit' },
  save: { zh: '保存', en: 'Save' },
  addContact: { zh: '添加联系方式', en: 'Add a contact' },
  remove: { zh: '删除', en: 'Remove' },
  label: { zh: '名称', en: 'Label' },
  phone: { zh: '电话', en: 'Phone' },
  person: { zh: '联系人', en: 'Person' },
  position: { zh: '位置', en: 'Position' },
  latitude: { zh: '纬度', en: 'Latitude' },
  longitude: { zh: '经度', en: 'Longitude' },
  noPosition: { zh: '位置未设置', en: 'No position set' },
  approximate: { zh: '概略位置（区县中心）', en: 'Approximate (district centre)' },
  saved: { zh: '已保存', en: 'Saved' },
  // map
  legend: { zh: '图例', en: 'Legend' },
  unit_none: { zh: '无任务', en: 'No task' },
  unit_assigned: { zh: '待确认', en: 'Assigned' },
  unit_acknowledged: { zh: '已确认', en: 'Acknowledged' },
  unit_done: { zh: '已完成', en: 'Done' },
  unit_overdue: { zh: '超时', en: 'Overdue' },
  chooseIncident: { zh: '选择事件', en: 'Choose an incident' },
  unplaced: { zh: '无位置的单位', en: 'Units without a position' },
  setPosition: { zh: '在地图上点选位置', en: 'Click the map to place' },
  clickMap: { zh: '请在地图上点击“{unit}”的位置', en: 'Click the map where “{unit}” is' },
  incidentPlace: { zh: '事发地点', en: 'Incident place' },
  basemapNote: {
    zh: '底图：淄博市区县界（离线数据）',
    en: 'Basemap: Zibo district boundaries (offline data)',
  },
  signer_director: { zh: '办公室主任', en: 'office director' },
  signer_commander: { zh: '总指挥', en: 'commander' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof CATALOG;

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let s: string = CATALOG[key][lang];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

export function useLang(): Lang {
  return useConsole((s) => s.lang);
}

export function useT() {
  const lang = useLang();
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
}
export type T = ReturnType<typeof useT>;

/** A bilingual value from the server ({zh, en}) in the current language. */
export const pick = (text: { zh: string; en: string } | null | undefined, lang: Lang) =>
  text ? text[lang] : '';
