/**
 * The timeline's words (issue 12, "the record tells the truth"): people by name and post, not login ids;
 * tasks by their title, not only their unit; what is recorded for an outside party says who recorded it;
 * what is not known shows as it is, and nothing is made up.
 */
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../shared/engine/incident.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Person } from '../../shared/protocol/people.ts';
import {
  describeFact,
  type People,
  personLabel,
  taskSource,
  taskUnit,
} from '../../client/src/logic/facts.ts';
import type { PlanSummary } from '../../shared/protocol/contract.ts';

const snow = planById('snow-ice')!;
/** what GET /api/plans sends for a plan: levels, units and the titles of its actions and clocks */
const summary = {
  id: snow.id,
  levels: snow.levels.map((l) => ({ id: l.id, name: l.name })),
  units: snow.units.map((u) => ({ id: u.id, name: u.name, en: u.en, kind: u.kind })),
  taskTitles: Object.fromEntries([...snow.actions, ...snow.clocks].map((x) => [x.id, x.title])),
} as unknown as PlanSummary;

const person = (
  id: string,
  name: string | null,
  post: string | null,
  unitId: string | null = null,
): Person => ({
  id,
  name,
  post,
  role: unitId ? 'unit' : 'duty',
  unitId,
});
const people: People = new Map(
  [
    person('duty', '值班员（演示账号）', '值班员'),
    person('director', '办公室主任（演示账号）', '办公室主任'),
    person('weather', '区气象局', '联络员（演示账号）', 'weather'),
    person('li', '李明', '值班室主任'),
    person('wx-zhang', '张华', '联络员', 'weather'),
    person('zhang', null, null),
    person('wang', null, '值班员'),
    person('zhao', '赵强', null),
  ].map((p) => [p.id, p]),
);

const base = { incidentId: 'i', at: 0 };
const say = (e: Record<string, unknown>, lang: 'zh' | 'en' = 'zh', who: People | undefined = people) =>
  describeFact({ ...base, ...e } as IncidentEvent, summary, lang, who);

describe('task ids', () => {
  it('split into the action or clock, the unit and the day', () => {
    expect(taskSource('daily-forecast@weather@2026-11-23')).toBe('daily-forecast');
    expect(taskUnit('daily-forecast@weather@2026-11-23')).toBe('weather');
    expect(taskSource('on-duty@chishang')).toBe('on-duty');
    expect(taskUnit('on-duty@chishang')).toBe('chishang');
  });
});

describe('people on the record', () => {
  it('are named by name and post, in both languages', () => {
    expect(personLabel('li', people, 'zh')).toBe('李明（值班室主任）');
    expect(personLabel('li', people, 'en')).toBe('李明 (值班室主任)');
    // a demo account's name already says its post: not twice
    expect(personLabel('duty', people, 'zh')).toBe('值班员（演示账号）');
    expect(personLabel('weather', people, 'zh')).toBe('区气象局（联络员（演示账号））');
  });

  it('say what is missing instead of inventing it, and show the id of an unknown account', () => {
    expect(personLabel('zhang', people, 'zh')).toBe('zhang（姓名、职务缺）');
    expect(personLabel('zhang', people, 'en')).toBe('zhang (name and post missing)');
    expect(personLabel('wang', people, 'zh')).toBe('wang（值班员，姓名缺）');
    expect(personLabel('wang', people, 'en')).toBe('wang (值班员, name missing)');
    expect(personLabel('zhao', people, 'zh')).toBe('赵强（职务缺）');
    expect(personLabel('zhao', people, 'en')).toBe('赵强 (post missing)');
    expect(personLabel('nobody', people, 'zh')).toBe('nobody');
    expect(personLabel('duty', undefined, 'en')).toBe('duty');
  });

  it('name who proposed, rejected, withdrew, signed and bound', () => {
    expect(say({ type: 'LevelSet', levelId: 'II', by: 'duty', signedBy: 'director', reason: '' })).toBe(
      '“Ⅱ级 大雪（橙色预警）”生效（办公室主任（演示账号））',
    );
    expect(say({ type: 'LevelSet', levelId: 'II', by: 'li', signedBy: null, reason: '' }, 'en')).toBe(
      '“Level II — heavy snow (orange)” in force (李明 (值班室主任))',
    );
    expect(say({ type: 'Terminated', by: 'duty', signedBy: 'zhang', reason: 'x' })).toBe(
      '响应终止（zhang（姓名、职务缺））',
    );
    expect(
      say({
        type: 'LevelProposed',
        kind: 'declare',
        levelId: 'III',
        signer: 'director',
        by: 'li',
        reason: '',
      }),
    ).toContain('李明（值班室主任）');
    expect(say({ type: 'ProposalRejected', by: 'director', reason: '数据不足' })).toBe(
      '办公室主任（演示账号）驳回：数据不足',
    );
    expect(say({ type: 'ProposalWithdrawn', by: 'li', reason: '' })).toBe('李明（值班室主任）撤回待签事项');
    expect(say({ type: 'ProposalWithdrawn', by: 'li', reason: '读数有误' }, 'en')).toBe(
      '李明 (值班室主任) withdrew the proposal: 读数有误',
    );
  });
});

describe('tasks on the record', () => {
  it('are named by their title, for the unit’s own account', () => {
    const ack = { type: 'TaskAcknowledged', taskId: 'daily-forecast@weather@2026-11-23', by: 'weather' };
    expect(say(ack)).toBe('区气象局 确认收到「降雪、道路结冰期间区气象局每日发送天气预报」');
    expect(say(ack, 'en')).toBe(
      'District Meteorological Bureau acknowledged “The weather bureau sends a forecast every day of snowfall or road icing”',
    );
    // before the people are loaded the unit's own account (its id is the unit's) still reads as the unit
    expect(say(ack, 'zh', undefined)).toBe('区气象局 确认收到「降雪、道路结冰期间区气象局每日发送天气预报」');
  });

  it('name the person when it is not the unit’s own demo account', () => {
    const ack = { type: 'TaskAcknowledged', taskId: 'on-duty@weather', by: 'wx-zhang' };
    expect(say(ack)).toBe('区气象局 张华（联络员） 确认收到「带班领导到岗，24小时值班」');
    expect(say(ack, 'en')).toBe(
      '张华 (联络员) of District Meteorological Bureau acknowledged “Leaders on duty, 24-hour watch”',
    );
  });

  it('say progress and completion apart, with the note', () => {
    const report = { type: 'TaskReported', taskId: 'on-duty@weather', by: 'weather', note: '已到岗' };
    expect(say({ ...report, done: false })).toBe('区气象局 报告「带班领导到岗，24小时值班」进展：已到岗');
    expect(say({ ...report, done: true })).toBe('区气象局 报告「带班领导到岗，24小时值班」完成：已到岗');
    expect(say({ ...report, done: true }, 'en')).toBe(
      'District Meteorological Bureau reported “Leaders on duty, 24-hour watch” done: 已到岗',
    );
  });

  it('name the file of a report that is only a file, and add it after the note of one with both', () => {
    const attachment = {
      fileId: 'f1',
      name: '书面报告.pdf',
      type: 'application/pdf',
      size: 1024,
      sha256: '0'.repeat(64),
    };
    const report = { type: 'TaskReported', taskId: 'on-duty@weather', by: 'weather', note: '', attachment };
    expect(say({ ...report, done: true })).toBe(
      '区气象局 报告「带班领导到岗，24小时值班」完成（附件：书面报告.pdf）',
    );
    expect(say({ ...report, done: true }, 'en')).toBe(
      'District Meteorological Bureau reported “Leaders on duty, 24-hour watch” done (attached: 书面报告.pdf)',
    );
    expect(say({ ...report, done: false })).toBe(
      '区气象局 报告「带班领导到岗，24小时值班」进展（附件：书面报告.pdf）',
    );
    expect(say({ ...report, done: false }, 'en')).toBe(
      'District Meteorological Bureau reported on “Leaders on duty, 24-hour watch” (attached: 书面报告.pdf)',
    );
    expect(say({ ...report, note: '已到岗', done: true })).toBe(
      '区气象局 报告「带班领导到岗，24小时值班」完成：已到岗（附件：书面报告.pdf）',
    );
    expect(say({ ...report, note: '已到岗', done: false }, 'en')).toBe(
      'District Meteorological Bureau reported on “Leaders on duty, 24-hour watch”: 已到岗 (attached: 书面报告.pdf)',
    );
    // for an outside party too
    expect(say({ ...report, by: 'duty', onBehalfOf: '西河村', done: true })).toBe(
      '值班员（演示账号） 代 西河村 报告「带班领导到岗，24小时值班」完成（附件：书面报告.pdf）',
    );
  });

  it('recorded for an outside party say who recorded it, for whom', () => {
    const ack = { type: 'TaskAcknowledged', taskId: 'on-duty@chishang', by: 'duty', onBehalfOf: '西河村' };
    expect(say(ack)).toBe('值班员（演示账号） 代 西河村 确认收到「带班领导到岗，24小时值班」');
    expect(say(ack, 'en')).toBe(
      '值班员（演示账号） for 西河村 acknowledged “Leaders on duty, 24-hour watch”',
    );
    const report = { ...ack, type: 'TaskReported', by: 'li', note: '已转移群众', done: false };
    expect(say(report)).toBe('李明（值班室主任） 代 西河村 报告「带班领导到岗，24小时值班」进展：已转移群众');
  });

  it('overdue names the task and its unit', () => {
    expect(say({ type: 'TaskOverdue', taskId: 'daily-forecast@weather@2026-11-23' })).toBe(
      '区气象局 的「降雪、道路结冰期间区气象局每日发送天气预报」超时',
    );
    expect(say({ type: 'TaskOverdue', taskId: 'on-duty@chishang' }, 'en')).toBe(
      '“Leaders on duty, 24-hour watch” of Chishang Town is overdue',
    );
  });

  it('show the task’s own id when the plan does not know it, and the login id of an unknown person', () => {
    expect(say({ type: 'TaskAcknowledged', taskId: 'gone-action@weather', by: 'someone' })).toBe(
      '区气象局 someone 确认收到「gone-action」',
    );
  });
});

describe('other facts', () => {
  it('say what the readings point to', () => {
    expect(say({ type: 'ReadingsAssessed', readings: {}, recommended: 'III' })).toBe(
      '更新研判数据：对应“Ⅲ级 中雪（黄色预警）”',
    );
    expect(say({ type: 'ReadingsAssessed', readings: {}, recommended: null }, 'en')).toBe(
      'Readings graded again: no response level reached',
    );
  });

  it('say to whom a role was bound and where tasks moved', () => {
    expect(
      say({
        type: 'RoleBound',
        role: 'chishang',
        to: { party: { kind: 'village', name: '西河村', phone: '0533-1' } },
        by: 'duty',
      }),
    ).toBe('池上镇指定为 西河村（村（社区））（值班员（演示账号））');
    const spec = (unitId: string) => ({
      id: `on-duty@${unitId}`,
      source: { kind: 'action', actionId: 'on-duty' },
      unitId,
      level: 'III',
      phase: 'response',
      dueAt: null,
    });
    expect(say({ type: 'TasksMoved', moves: [{ from: 'a@x', to: spec('chishang') }] })).toBe(
      '1 项任务转交池上镇',
    );
    expect(
      say(
        {
          type: 'TasksMoved',
          moves: [
            { from: 'a@x', to: spec('chishang') },
            { from: 'b@x', to: spec('weather') },
          ],
        },
        'en',
      ),
    ).toBe('2 tasks moved to Chishang Town, District Meteorological Bureau');
  });
});
