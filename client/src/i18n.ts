/** Every string the UI shows, Chinese first, through one catalog. `{name}` marks a value filled in. */
import { useConsole } from './store/index.ts';
import { fill, type Lang } from '../../shared/engine/text.ts';

export { fill };
export type { Lang };

const CATALOG = {
  appTitle: { zh: '应急预案指挥调度台', en: 'Emergency-Plan Operations Console' },
  /** the top bar's name for the console: short enough that the bar stays one line at 1440 px */
  brand: { zh: '应急预案指挥调度台', en: 'Emergency-Plan Console' },
  toggle: { zh: 'English', en: '中文' },
  demoBanner: {
    zh: '演示模式：账号 admin、duty、director、commander、leader 及各成员单位编号，密码均为 demo；数据仅供演练',
    en: 'Demo mode: accounts admin, duty, director, commander, leader and each member unit’s id, all with the password demo; for drills only',
  },
  demoBannerShort: {
    zh: '演示：admin、duty、director、commander、leader 或单位编号，密码 demo',
    en: 'Demo: admin, duty, director, commander, leader or a unit id; password demo',
  },
  loading: { zh: '正在加载…', en: 'Loading…' },
  loadFailed: { zh: '加载失败', en: 'Could not load' },
  noSuchIncident: { zh: '没有该事件（或无权查看）', en: 'No such incident (or not yours to see)' },
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
  navHistory: { zh: '历史事件', en: 'History' },
  navLedger: { zh: '台账', en: 'Ledger' },
  navStatistics: { zh: '统计', en: 'Statistics' },
  navLabel: { zh: '主导航', en: 'Main navigation' },
  logout: { zh: '退出', en: 'Log out' },
  whoAmI: { zh: '{user}（{role}）', en: '{user} ({role})' },
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
  status_open: { zh: '接报研判中', en: 'Reported, being graded' },
  noLevel: { zh: '未生效', en: 'No level in force' },
  noColourLevel: { zh: '预案未规定颜色', en: 'no colour in the plan' },
  drill: { zh: '演练', en: 'Drill' },
  sinceDeclared: { zh: '已持续 {time}', en: 'Running {time}' },
  unitsAcknowledged: {
    zh: '{done}/{total} 个单位已确认',
    en: '{done} of {total} {total|unit|units} acknowledged',
  },
  nextClocks: { zh: '下一时限', en: 'Next deadlines' },
  noClocks: { zh: '暂无时限', en: 'No deadlines' },
  timeline: { zh: '动态', en: 'Timeline' },
  noIncidents: { zh: '当前没有生效的事件', en: 'No incident is live' },
  liveIncidents: { zh: '进行中的事件', en: 'Incidents in progress' },
  endedIncidents: { zh: '已结束的事件', en: 'Ended incidents' },
  openIncident: { zh: '查看详情', en: 'Open' },
  pendingBanner: {
    zh: '“{level}”等待{signer}签批（{by} 提出{reason}）',
    en: '“{level}” awaits the {signer}’s signature (proposed by {by}{reason})',
  },
  pendingTerminate: {
    zh: '终止响应等待{signer}签批（{by} 提出{reason}）',
    en: 'Termination awaits the {signer}’s signature (proposed by {by}{reason})',
  },
  pendingReason: { zh: '：{reason}', en: ': {reason}' },
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
  fact_MilestoneRecorded: { zh: '记录节点：{milestone} {time}', en: 'Milestone: {milestone} {time}' },
  fact_MilestoneLearnt: {
    zh: '补记{milestone}时间：{time}（时限仍按原起算时间）',
    en: '{milestone}: time filled in, {time} (deadlines keep the start they ran from)',
  },
  fact_MilestoneAssumed: {
    zh: '{milestone}时间未填写：相关时限自接报 {time} 起算',
    en: '{milestone}: time not given; its deadlines run from the report at {time}',
  },
  fact_TasksAssigned: { zh: '下达 {n} 项任务', en: '{n} {n|task|tasks} assigned' },
  fact_TasksStoodDown: { zh: '撤销 {n} 项任务', en: '{n} {n|task|tasks} stood down' },
  fact_ProposalWithdrawn: { zh: '{by}撤回待签事项', en: '{by} withdrew the proposal' },
  fact_RoleBound: { zh: '{role}指定为 {holder}（{by}）', en: '{role} bound to {holder} ({by})' },
  fact_TasksMoved: {
    zh: '{n} 项任务转交新的接收单位',
    en: '{n} {n|task|tasks} moved to the new holder',
  },
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
  task_stoodDown: { zh: '未完成（降级撤销）', en: 'Not done — stood down by a lower level' },
  task_closed: { zh: '未完成（响应终止）', en: 'Not done — closed when the response ended' },
  task_moved: { zh: '已转交', en: 'Moved to the new holder' },
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
  enableNotifications: { zh: '开启桌面通知', en: 'Enable notifications' },
  newTaskNotice: { zh: '收到 {n} 项新任务', en: '{n} new {n|task|tasks}' },
  queuedCount: { zh: '{n} 条操作待联网后发送', en: 'Queued actions to send when back online: {n}' },
  sentAfterReconnect: { zh: '已补发 {n} 条离线操作', en: 'Sent {n} queued {n|action|actions}' },
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
  clock_missed: { zh: '超时未完成', en: 'Missed — never done' },
  clock_closedUndone: { zh: '未完成（响应已终止）', en: 'Not done — closed when the response ended' },
  incidentCounts: {
    zh: '任务 {tasks} · 待办 {open} · 已确认 {ack} · 已完成 {done}（逾期完成 {late}） · 超时待办 {overdue} · 超时未完成 {missed} · 终止时未完成 {undone} · 无人接收 {unreached}',
    en: '{tasks} {tasks|task|tasks} · {open} open · {ack} acknowledged · {done} done ({late} late) · {overdue} open and overdue · {missed} {missed|deadline|deadlines} missed · {undone} not done at termination · {unreached} {unreached|reaches|reach} no one',
  },
  unreached: { zh: '无人接收', en: 'Reaches no one' },
  owedBy: { zh: '责任：{who}', en: 'Owed by {who}' },
  roles: { zh: '接收单位', en: 'Who holds each role' },
  roleUnbound: {
    zh: '未指定：{n} 项任务无人接收',
    en: 'Not bound: {n} {n|task reaches|tasks reach} no one',
  },
  roleHeld: { zh: '{n} 项待办', en: '{n} open {n|task|tasks}' },
  bind: { zh: '指定', en: 'Bind' },
  rebind: { zh: '改为指定', en: 'Rebind' },
  bindMember: { zh: '成员单位', en: 'Member unit' },
  bindParty: { zh: '外部单位', en: 'Outside party' },
  partyName: { zh: '名称', en: 'Name' },
  partyPhone: { zh: '电话', en: 'Phone' },
  chooseVillage: { zh: '选择村（居）委会（国家统计局区划代码）', en: 'Choose the village (official code)' },
  party_village: { zh: '村（社区）', en: 'Village' },
  party_enterprise: { zh: '企业', en: 'Enterprise' },
  party_expert: { zh: '专家', en: 'Expert' },
  party_insurer: { zh: '保险机构', en: 'Insurer' },
  bindMoves: {
    zh: '指定后，{n} 项未完成任务将转交新的接收方；已做的记录保留在原任务上。',
    en: '{n} open {n|task|tasks} will move to the new holder; what was recorded stays on the old tasks.',
  },
  ackFor: { zh: '代为确认', en: 'Acknowledge for them' },
  reportFor: { zh: '代为报告', en: 'Report for them' },
  reportForDone: { zh: '代为报告完成', en: 'Report done for them' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  declareLevelHere: { zh: '定级发布：', en: 'Declare a level: ' },
  closeIncident: { zh: '结案（不启动响应）', en: 'Close without a response' },
  reportSummary: { zh: '接报内容', en: 'First report' },
  reportTimes: { zh: '事发 {occurred} · 接报 {reported}', en: 'Occurred {occurred} · reported {reported}' },
  occurredNotGiven: { zh: '未填写', en: 'not given' },
  giveOccurred: { zh: '补记事发时间', en: 'Fill in the time of occurrence' },
  giveOccurredHint: {
    zh: '应在接报之前；已按接报时间起算的时限不变，记录同时保留两个时间。',
    en: 'Before the report; deadlines already counted from the report stay as they are, and the record keeps both times.',
  },
  owedAfter: {
    zh: '响应终止后仍须完成 {n} 项：',
    en: '{n} {n|obligation|obligations} still owed after the response:',
  },
  closesUndone: {
    zh: '将关闭 {n} 项未完成的响应任务（其中已超时 {overdue} 项），记录为“未完成”，不计为完成。',
    en: '{n} open response {n|task|tasks} ({overdue} overdue) will be closed and recorded as not done, never as done.',
  },
  previewUnbound: {
    zh: '尚未指定接收方：{roles}。其任务将无人接收，请在事件页“接收单位”中指定。',
    en: 'Not yet bound: {roles}. Their tasks will reach no one until bound under “Who holds each role” on the incident page.',
  },
  fromReport: { zh: '接报即计时，不等定级', en: 'Runs from the report, before any level' },
  staysOwed: {
    zh: '终止后仍须完成的报告 {n} 项（从事发起算，不因终止而解除）：',
    en: '{n} {n|report stays|reports stay} owed (they run from the occurrence; termination does not release them):',
  },
  showRetired: { zh: '显示已撤销和已转交的任务（{n}）', en: 'Show stood-down and moved tasks ({n})' },
  openOnly: { zh: '仅登记接报，稍后定级', en: 'Record the first report only; grade later' },
  occurredAtRequired: { zh: '发生时间（北京时间）', en: 'Occurred at (Beijing time)' },
  noReadings: { zh: '未填写研判数据', en: 'No readings given' },
  occurredRequired: {
    zh: '必填：本预案的报告时限从事发时刻起算',
    en: 'Required: this plan’s reporting deadlines run from the moment it happened',
  },
  knownMilestone: {
    zh: '{milestone}时间（已知则填，北京时间）',
    en: '{milestone} at (if known, Beijing time)',
  },
  openButton: { zh: '登记接报', en: 'Record the report' },
  reportSummaryHint: {
    zh: '已知情况：何时、何地、何事、伤亡、已采取措施、报告人',
    en: 'What is known: when, where, what, casualties, measures taken, who reported',
  },
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
  willAdd: {
    zh: '将新增 {n} 项措施，涉及 {units} 个单位',
    en: '{n} {n|measure|measures} for {units} {units|unit|units} will be added',
  },
  willStandDown: { zh: '将撤销 {n} 项措施', en: '{n} {n|measure|measures} will be stood down' },
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
  titleRequired: { zh: '事件名称（必填）', en: 'Title (required)' },
  stillNeeded: { zh: '发布前尚需：{list}', en: 'Still needed before sending: {list}' },
  stillNeededOpen: { zh: '登记前尚需：{list}', en: 'Still needed before recording: {list}' },
  need_readings: { zh: '更正标红的读数', en: 'correct the readings marked in red' },
  need_level: { zh: '选择级别', en: 'choose a level' },
  need_reason: { zh: '填写改选级别的理由', en: 'give a reason for choosing another level' },
  need_title: { zh: '填写事件名称', en: 'type a title' },
  need_occurred: { zh: '填写发生时间', en: 'give the time of occurrence' },
  areaName: { zh: '地点（可选）', en: 'Place (optional)' },
  occurredAt: { zh: '发生时间（北京时间，可选）', en: 'Occurred at (Beijing time, optional)' },
  assignee: { zh: '{role}：', en: '{role}: ' },
  chooseUnit: { zh: '选择单位', en: 'Choose a unit' },
  declareButton: { zh: '发布', en: 'Declare' },
  proposeButton: { zh: '提交签批', en: 'Submit for signature' },
  withUnit: { zh: '{name}（{unit}）', en: '{name} ({unit})' },
  planOption: { zh: '{title}（{doc}）', en: '{title} ({doc})' },
  clauseLine: { zh: '{clause}：{text}', en: '{clause}: {text}' },
  readingsWrong: {
    zh: '读数有误：改正后给出建议级别',
    en: 'A reading is wrong: correct it to see the recommended level',
  },
  levelFollows: {
    zh: '级别随研判数据选择建议级别，手动选择后不再自动变化',
    en: 'The level follows the recommendation until you pick one yourself',
  },
  levelPicked: { zh: '已手动选择级别', en: 'You picked this level yourself' },
  useRecommended: { zh: '改回建议级别', en: 'Back to the recommended level' },
  tasksAtLevel: {
    zh: '该级别下达 {n} 项措施，涉及 {units} 个单位',
    en: '{n} {n|measure|measures} for {units} {units|unit|units} at this level',
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
  // inbox, dashboard and wall (issue 12)
  unit_unreached: { zh: '无人接收', en: 'Reaches no one' },
  unit_closed: { zh: '未完成（响应终止）', en: 'Not done — closed when the response ended' },
  cnt_title: { zh: '任务统计', en: 'Task counts' },
  cnt_unitsAck: { zh: '单位确认 {done}/{total}', en: 'Units acknowledged {done}/{total}' },
  cnt_tasksAck: { zh: '任务确认 {done}/{total}', en: 'Tasks acknowledged {done}/{total}' },
  cnt_done: { zh: '完成 {done}/{total}', en: 'Done {done}/{total}' },
  cnt_doneLate: { zh: '（逾期完成 {n}）', en: ' ({n} late)' },
  cnt_overdue: { zh: '超时 {n}', en: 'Overdue {n}' },
  cnt_missed: { zh: '超时未完成 {n}', en: 'Deadlines missed {n}' },
  cnt_unreached: { zh: '无人接收 {n}', en: 'Reaching no one {n}' },
  cnt_unreachedHint: {
    zh: '这些任务所属的角色尚未指定接收单位，没有人会收到',
    en: 'Their role is bound to no one yet, so no one receives them',
  },
  cnt_closedUndone: { zh: '终止时未完成 {n}', en: 'Not done at termination {n}' },
  cnt_closedUndoneHint: {
    zh: '响应终止时尚未完成即关闭的任务',
    en: 'Tasks closed undone when the response was terminated',
  },
  cnt_stoodDown: { zh: '降级撤销 {n}', en: 'Stood down {n}' },
  cnt_open: { zh: '仍须完成 {n}', en: 'Still owed {n}' },
  sinceReported: { zh: '接报已 {time}', en: 'Reported {time} ago' },
  currentLevel: { zh: '当前级别：{level}', en: 'Level now: {level}' },
  openTasksHeading: { zh: '待办任务', en: 'Open tasks' },
  openInGroup: { zh: '{n} 项待办', en: '{n} open' },
  ackAll: { zh: '全部确认（{n}）', en: 'Acknowledge all ({n})' },
  ackAllSending: { zh: '正在确认…', en: 'Acknowledging…' },
  ackAllFailed: {
    zh: '{n} 项未能确认：{message}',
    en: '{n} could not be acknowledged: {message}',
  },
  noticesHeading: { zh: '已撤销/已关闭', en: 'Stood down / closed' },
  notice_closed: {
    zh: '响应已终止，以下任务未完成即关闭',
    en: 'The response was terminated: these tasks were closed undone',
  },
  notice_stoodDown: {
    zh: '级别已下调，以下任务撤销',
    en: 'The level was lowered: these tasks were stood down',
  },
  notice_moved: {
    zh: '该角色已改由其他单位承担，以下任务已转交',
    en: 'The role was rebound: these tasks moved to its new holder',
  },
  noticeCount: { zh: '{n} 项', en: '{n} {n|task|tasks}' },
  endedTasks: { zh: '已结束的任务（{n}）', en: 'Ended tasks ({n})' },
  taskLate: { zh: '逾期完成', en: 'Done late' },
  doneAtTime: { zh: '完成于 {time}', en: 'Done {time}' },
  closedAtTime: { zh: '关闭于 {time}', en: 'Closed {time}' },
  wallPage: { zh: '第 {page}/{pages} 屏', en: 'Screen {page} of {pages}' },
  // people and timeline (issue 12)
  person_full: { zh: '{name}（{post}）', en: '{name} ({post})' },
  person_noPost: { zh: '{name}（职务缺）', en: '{name} (post missing)' },
  person_noName: { zh: '{id}（{post}，姓名缺）', en: '{id} ({post}, name missing)' },
  person_none: { zh: '{id}（姓名、职务缺）', en: '{id} (name and post missing)' },
  tl_unitBy: { zh: '{unit} {by}', en: '{by} of {unit}' },
  tl_onBehalfOf: { zh: '{by} 代 {party}', en: '{by} for {party}' },
  tl_TaskAcknowledged: { zh: '{who} 确认收到「{task}」', en: '{who} acknowledged “{task}”' },
  tl_TaskReported: { zh: '{who} 报告「{task}」进展：{note}', en: '{who} reported on “{task}”: {note}' },
  tl_ReviewWritten: { zh: '{by} 撰写总结评估「{section}」', en: '{by} wrote the review’s {section}' },
  tl_ReviewSigned: { zh: '{by} 签发总结评估', en: '{by} signed the review off' },
  review_lessons: { zh: '经验', en: 'lessons' },
  review_problems: { zh: '问题', en: 'problems' },
  review_suggestions: { zh: '改进建议', en: 'suggestions' },
  tl_TaskDone: { zh: '{who} 报告「{task}」完成：{note}', en: '{who} reported “{task}” done: {note}' },
  // a report that is only a file, and the file after a report's text
  tl_TaskReportedFile: {
    zh: '{who} 报告「{task}」进展（附件：{name}）',
    en: '{who} reported on “{task}” (attached: {name})',
  },
  tl_TaskDoneFile: {
    zh: '{who} 报告「{task}」完成（附件：{name}）',
    en: '{who} reported “{task}” done (attached: {name})',
  },
  tl_attached: { zh: '（附件：{name}）', en: ' (attached: {name})' },
  tl_TaskOverdue: { zh: '{unit} 的「{task}」超时', en: '“{task}” of {unit} is overdue' },
  tl_ReadingsAssessed: {
    zh: '更新研判数据：对应“{level}”',
    en: 'Readings graded again: they point to “{level}”',
  },
  tl_ReadingsAssessedNone: {
    zh: '更新研判数据：未达到任何响应级别',
    en: 'Readings graded again: no response level reached',
  },
  tl_ProposalWithdrawnWhy: {
    zh: '{by}撤回待签事项：{reason}',
    en: '{by} withdrew the proposal: {reason}',
  },
  tl_party: { zh: '{name}（{kind}）', en: '{name} ({kind})' },
  tl_TasksMoved: { zh: '{n} 项任务转交{holder}', en: '{n} {n|task|tasks} moved to {holder}' },
  tl_listSep: { zh: '、', en: ', ' },
  // words the incident page and the top bar use for the after-response pages (issue 14)
  rv_link: { zh: '总结评估报告', en: 'After-action review' },
  rv_afterLinks: { zh: '响应结束后', en: 'After the response' },
  rv_ledger: { zh: '台账', en: 'Ledger' },
  hi_records: { zh: '记录', en: 'Records' },
  // punctuation between values, so that English never shows a full-width mark
  paren: { zh: '（{text}）', en: ' ({text})' },
  colon: { zh: '{label}：', en: '{label}: ' },
  partSep: { zh: '；', en: '; ' },
  commaSep: { zh: '，', en: ', ' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof CATALOG;

/** Every message, for the catalog's own tests. */
export const MESSAGES: Readonly<Record<MessageKey, { zh: string; en: string }>> = CATALOG;

/** A catalog of messages: the main one here, and the words some pages load with themselves (client/src/words/). */
export type Catalog = Readonly<Record<string, { zh: string; en: string }>>;

/** The message in the language, with its values filled in. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(CATALOG[key][lang], vars);
}

export function useLang(): Lang {
  return useConsole((s) => s.lang);
}

export function useT() {
  const lang = useLang();
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
}
export type T = ReturnType<typeof useT>;

/**
 * A page's translator: the main catalog and the page's own words, which load with the page, so the console's
 * first screen carries none of them.
 */
export function usePageT<C extends Catalog>(words: C) {
  const lang = useLang();
  return (key: MessageKey | (keyof C & string), vars?: Record<string, string | number>) =>
    fill((Object.hasOwn(words, key) ? words[key]! : CATALOG[key as MessageKey])[lang], vars);
}

/** A bilingual value from the server ({zh, en}) in the current language. */
export const pick = (text: { zh: string; en: string } | null | undefined, lang: Lang) =>
  text ? text[lang] : '';
