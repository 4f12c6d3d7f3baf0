/**
 * One line on each entry of the contract, for docs/api.md (test/integration/contract.test.ts keeps the
 * two in step). Apart from the contract, which the browser loads, so that these words do not.
 */
import type { Name } from './contract.ts';

export const CONTRACT_DOCS: Record<Name, string> = {
  open: '接报: opens an incident at the first report; with `levelId` it also declares that level',
  declare: 'declares (or proposes for signature) a first level on an incident being graded',
  withdraw: '撤回: the proposer takes back a proposal before it is signed',
  bind: 'binds a role the plan names to a member unit or an outside party; open tasks move to it',
  changeLevel: 'raises or lowers the level in force (or proposes it for signature)',
  approve: 'the signer approves what waits for their signature',
  reject: 'the signer turns down what waits for their signature, with a reason',
  terminate: 'ends the response (or proposes its end), or closes (结案) an incident never graded',
  recordMilestone:
    'records when something the clocks run from happened (the weather warning, the snow ending…), or the occurrence the report did not give',
  acknowledge: 'a unit (or staff for an outside party) acknowledges a task',
  report: 'reports progress on a task, or that it is done, with a note',
  writeReview:
    '总结评估: the office writes (or rewrites) one of its sections — 经验, 问题, 改进建议 — once the response has ended',
  signReview: 'the director or commander signs the 总结评估 off; it no longer changes after that',
  review:
    'the 总结评估报告 computed from the log: basics, response steps, each unit’s tasks, reporting deadlines, problems, the office’s sections',
  reviewDocx:
    'the same report as a .docx for Word and WPS (仿宋 body, 黑体 headings, A4), for the office to edit',
  ledger:
    'the 台账: one row per task across incidents, filtered by plan, level reached, dates, unit, real or drill; a unit gets its own',
  ledgerXlsx: 'the ledger’s rows as an .xlsx workbook',
  ledgerCsv: 'the ledger’s rows as CSV in UTF-8 with a byte-order mark (Excel opens the Chinese intact)',
  history: 'every incident the viewer may see, newest first: searched, filtered and paged',
  statistics:
    'responses by plan, level and month; per unit the median time to acknowledge and the share of deadlines met',
  attach:
    'attaches a written report (a file, or text kept as .txt) to a task as a report on it; `done` completes the task',
  attachment: 'an attached file, to staff and to the unit that owes the task',
  incidents:
    'the bootstrap: the states of the incidents that can still change, summaries of the settled ones, and the sequence they reflect; follow the facts after it',
  incidentState:
    'one incident’s state as this viewer may see it (a settled incident’s page loads it on first use)',
  incident:
    'one incident’s whole view: summary, tasks, clocks, roles (what the browser computes from the state)',
  preview:
    'what moving to `levelId` (or terminating, without it) would add, stand down and close, and who signs',
  events: 'the incident’s log a page at a time, newest first (`before`, `limit`)',
  tasks: 'a unit’s tasks across incidents, newest first',
  notes: 'a task’s notes a page at a time, newest first (`offset`, `limit`)',
  plans: 'the plans in brief',
  levelTasks: 'the measures a level carries, unit by unit, with their clauses',
  levelClocks: 'the reporting clocks a level runs, with who owes them',
  assess: 'the level the readings recommend and the clauses that fired (changes nothing)',
  people: 'every account’s name and post',
  divisions: '博山区’s official towns and villages (for binding 相关村（社区）)',
  mapConfig: 'the map’s tile server (none by default) and the basemap’s source',
  basemap: 'Zibo’s district boundaries as GeoJSON: the offline basemap',
  health: 'the server answers (no session needed)',
  session: 'who is signed in, and demo mode',
  login: 'signs in; sets the session cookie',
  logout: 'signs out',
  plan: 'one plan, whole',
  planSource: 'the plan’s published text (plain text)',
  directory: 'the duty directory',
  saveDirectoryUnit: 'an administrator edits a unit’s duty contacts and position',
};
