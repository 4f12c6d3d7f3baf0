/**
 * After the response, for each of the four plans: a response run through the API at known times (one unit
 * acknowledges and finishes on time, one late, one never; a level change; termination; the office's sections
 * and sign-off). The report's sections and figures, the ledger, its .xlsx and CSV, and the statistics are
 * checked against a count made here, independently, over the log the API returns.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../shared/engine/incident.ts';
import { formatShanghai } from '../../shared/engine/time.ts';
import { planById } from '../../shared/plans/index.ts';
import type { LedgerPage } from '../../shared/protocol/contract.ts';
import type { Fact } from '../../shared/protocol/live.ts';
import { REVIEW } from '../../shared/protocol/limits.ts';
import { LEDGER_STATUS_WORDS } from '../../shared/views/ledger.ts';
import type { IncidentReview } from '../../shared/views/review.ts';
import type { Statistics } from '../../shared/views/statistics.ts';
import type { RunningServer } from '../../server/main.ts';
import { boot, Client, rid, tempDir } from './live.ts';

const MIN = 60_000;
/** 2026-01-15 09:00 in Shanghai: winter, inside every seasonal window the plans have */
const T0 = Date.parse('2026-01-15T09:00:00+08:00');
let clock = T0;
let server: RunningServer;
let commander: Client;
let director: Client;

beforeAll(async () => {
  server = await boot(tempDir(), { now: () => clock, sessionTtlMs: 30 * 24 * 3600_000 });
  commander = await Client.login(server.url, 'commander');
  director = await Client.login(server.url, 'director');
});
afterAll(async () => {
  await server.close();
});

/** The level each run starts at, and the one it is raised to. */
const RUNS = [
  { planId: 'snow-ice', from: 'III', to: 'II' },
  { planId: 'rural-water', from: 'district', to: null },
  { planId: 'power-plant', from: 'III', to: 'II' },
  { planId: 'heavy-pollution', from: 'blue', to: 'yellow' },
] as const;

interface Counted {
  unitId: string;
  assignedAt: number;
  dueAt: number | null;
  phase: string;
  ackAt?: number;
  doneAt?: number;
  doneBy?: string;
  ended?: 'stoodDown' | 'closed' | 'moved';
  endedAt?: number;
  overdue?: boolean;
}

/** The tasks as the log records them, folded here without the engine: what the report must agree with. */
function countLog(events: IncidentEvent[]) {
  const tasks = new Map<string, Counted>();
  for (const e of events) {
    if (e.type === 'TasksAssigned')
      for (const t of e.tasks)
        tasks.set(t.id, { unitId: t.unitId, assignedAt: e.at, dueAt: t.dueAt, phase: t.phase });
    if (e.type === 'TasksStoodDown')
      for (const id of e.taskIds) Object.assign(tasks.get(id)!, { ended: 'stoodDown', endedAt: e.at });
    if (e.type === 'TaskAcknowledged') tasks.get(e.taskId)!.ackAt ??= e.at;
    if (e.type === 'TaskReported') {
      const t = tasks.get(e.taskId)!;
      t.ackAt ??= e.at;
      if (e.done) Object.assign(t, { doneAt: e.at, doneBy: e.by });
    }
    if (e.type === 'TaskOverdue') tasks.get(e.taskId)!.overdue = true;
    if (e.type === 'Terminated')
      for (const t of tasks.values())
        if (t.phase === 'response' && t.doneAt === undefined && t.ended === undefined)
          Object.assign(t, { ended: 'closed', endedAt: e.at });
  }
  return tasks;
}

interface Run {
  id: string;
  planId: string;
  facts: Fact[];
  onTime: string;
  late: string;
  never: string;
  /** how many tasks the on-time and the late unit reported done (a raised level gives them more later) */
  doneOnTime: number;
  doneLate: number;
  /** did the plan give a member unit a deadline at this level */
  deadline: boolean;
}
const runs: Run[] = [];

async function respond(planId: string, from: string, to: string | null): Promise<Run> {
  const plan = planById(planId)!;
  const opened = await commander.post('/api/incidents', {
    planId,
    title: `${plan.title.zh}演示响应`,
    summary: '接报：测试用的一次完整响应',
    occurredAt: clock - 10 * MIN,
    levelId: from,
    reason: '测试：按预案直接启动',
    requestId: rid('open'),
  });
  expect(opened.status).toBe(201);
  const id = (opened.body as { incident: { id: string } }).incident.id;
  type Detail = { tasks: { id: string; unitId: string; reached: boolean; dueAt: number | null }[] };
  const detail = (await commander.get<Detail>(`/api/incidents/${id}`)).body;
  const order = plan.units.map((u) => u.id);
  const reachedUnits = [...new Set(detail.tasks.filter((t) => t.reached).map((t) => t.unitId))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  // the late unit is one owing a deadline, where the plan gives one to a member unit
  const withDeadline = detail.tasks
    .filter((t) => t.reached && t.dueAt !== null)
    .sort((a, b) => a.dueAt! - b.dueAt!);
  const late = withDeadline[0]?.unitId ?? reachedUnits[1]!;
  const [onTime, never] = reachedUnits.filter((u) => u !== late);
  expect(onTime && never && late).toBeTruthy();
  const tasksOf = (u: string) => detail.tasks.filter((t) => t.unitId === u);

  // on time: acknowledges at +5 min, reports every task done at +8 min (before any deadline of its own)
  clock += 5 * MIN;
  const a = await Client.login(server.url, onTime!);
  for (const t of tasksOf(onTime!))
    expect((await a.post(`/api/tasks/${t.id}/acknowledge`, { requestId: rid('ack') })).status).toBe(200);
  clock += 3 * MIN;
  for (const t of tasksOf(onTime!))
    expect(
      (
        await a.post(`/api/tasks/${t.id}/report`, {
          note: `已落实：${t.id}`,
          done: true,
          requestId: rid('rep'),
        })
      ).status,
    ).toBe(200);

  // late: nothing until its first deadline has passed (or an hour), then it acknowledges and finishes
  const firstDue = withDeadline[0]?.dueAt ?? clock + 60 * MIN;
  clock = Math.max(clock, firstDue) + 20 * MIN;
  await new Promise((r) => setTimeout(r, 400)); // the scheduler ticks (every 250 ms) and marks the overdue
  const b = await Client.login(server.url, late);
  for (const t of tasksOf(late)) {
    expect((await b.post(`/api/tasks/${t.id}/acknowledge`, { requestId: rid('ack') })).status).toBe(200);
    expect(
      (await b.post(`/api/tasks/${t.id}/report`, { note: '晚了，已完成', done: true, requestId: rid('rep') }))
        .status,
    ).toBe(200);
  }

  const version = async () =>
    (await commander.get<{ incident: { version: number } }>(`/api/incidents/${id}`)).body.incident.version;
  // the scheduler may mark a deadline overdue (a new version) between reading the version and sending the
  // command, now that the clock has jumped: as an officer would, read it again and resend
  const atCurrentVersion = async (path: string, body: Record<string, unknown>) => {
    let answer = await commander.post(path, {
      ...body,
      expectedVersion: await version(),
      requestId: rid('v'),
    });
    for (let i = 0; i < 5 && answer.status === 409; i++)
      answer = await commander.post(path, { ...body, expectedVersion: await version(), requestId: rid('v') });
    return answer;
  };
  if (to) {
    clock += 30 * MIN;
    const raised = await atCurrentVersion(`/api/incidents/${id}/changeLevel`, {
      levelId: to,
      reason: '测试：事态扩大，提高响应级别',
    });
    expect(raised.status).toBe(200);
  }
  clock += 60 * MIN;
  const ended = await atCurrentVersion(`/api/incidents/${id}/terminate`, { reason: '测试：事态得到控制' });
  expect(ended.status).toBe(200);

  clock += 24 * 60 * MIN;
  for (const [section, text] of [
    ['lessons', '一、各单位接报后响应迅速。\n二、信息报送基本及时。'],
    ['problems', `${never} 始终未确认任务。`],
    ['suggestions', '加强值班值守，定期演练。'],
  ] as const)
    expect(
      (await commander.post(`/api/incidents/${id}/review`, { section, text, requestId: rid('rv') })).status,
    ).toBe(200);
  clock += 10 * MIN;
  expect((await director.post(`/api/incidents/${id}/review/sign`, { requestId: rid('sign') })).status).toBe(
    200,
  );
  const facts = await commander.allFacts(id);
  clock += 24 * 60 * MIN; // the next response starts a day later
  return {
    id,
    planId,
    facts,
    onTime: onTime!,
    late,
    never: never!,
    doneOnTime: tasksOf(onTime!).length,
    doneLate: tasksOf(late).length,
    deadline: withDeadline.length > 0,
  };
}

describe.each(RUNS)('after a $planId response', ({ planId, from, to }) => {
  let run: Run;
  let review: IncidentReview;
  let log: Map<string, Counted>;
  let signedAt: number;
  beforeAll(async () => {
    run = await respond(planId, from, to);
    runs.push(run);
    const answer = await commander.get<IncidentReview>(`/api/incidents/${run.id}/review`);
    expect(answer.status).toBe(200);
    review = answer.body;
    // the signed report is the record as it was signed: count the log up to the sign-off
    const events = run.facts.map((f) => f.event);
    signedAt = events.find((e) => e.type === 'ReviewSigned')!.at;
    log = countLog(events.slice(0, events.findIndex((e) => e.type === 'ReviewSigned') + 1));
  }, 120_000);

  it('gives the basics and every step of the response as the log records them', () => {
    const events = run.facts.map((f) => f.event);
    const plan = planById(planId)!;
    expect(review.basics.plan.docNumber).toBe(plan.docNumber);
    // the occurrence as the log gives it: this run gave one, so it is a time and not 未填写
    const occurred = events.find((e) => e.type === 'MilestoneRecorded' && e.milestone === 'occurred') as
      { time: number; assumed?: true } | undefined;
    expect(occurred?.assumed).toBeUndefined();
    expect(review.basics.occurredAt).toBe(occurred!.time);
    const steps = events.filter((e) => e.type === 'LevelSet' || e.type === 'Terminated');
    expect(review.response.map((s) => [s.kind, s.at, s.by, s.signedBy, s.reason])).toEqual(
      steps.map((e, i) => [
        e.type === 'Terminated' ? 'terminated' : i === 0 ? 'declared' : 'changed',
        e.at,
        (e as { by: string }).by,
        (e as { signedBy: string | null }).signedBy,
        (e as { reason: string }).reason,
      ]),
    );
    expect(review.basics.highestLevel?.zh).toBe(plan.levels.find((l) => l.id === (to ?? from))!.name.zh);
  });

  it('counts each unit’s tasks, acknowledgements, completions and closures as the log does', () => {
    const byUnit = new Map<string, Counted[]>();
    for (const t of log.values()) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
    expect(review.units.map((u) => u.unitId).sort()).toEqual([...byUnit.keys()].sort());
    for (const u of review.units) {
      const live = byUnit.get(u.unitId)!.filter((t) => t.ended !== 'stoodDown' && t.ended !== 'moved');
      expect(u.tasks, u.unitId).toBe(live.length);
      expect(u.acknowledged, u.unitId).toBe(live.filter((t) => t.ackAt !== undefined).length);
      expect(u.done, u.unitId).toBe(live.filter((t) => t.doneAt !== undefined).length);
      expect(u.closedUndone, u.unitId).toBe(live.filter((t) => t.ended === 'closed').length);
      expect(u.doneLate, u.unitId).toBe(
        live.filter((t) => t.doneAt !== undefined && t.dueAt !== null && t.doneAt > t.dueAt).length,
      );
    }
    const all = [...log.values()].filter((t) => t.ended !== 'stoodDown' && t.ended !== 'moved');
    expect(review.figures.tasks).toBe(all.length);
    expect(review.figures.done).toBe(all.filter((t) => t.doneAt !== undefined).length);
    expect(review.figures.acknowledged).toBe(all.filter((t) => t.ackAt !== undefined).length);
    expect(review.figures.closedUndone).toBe(all.filter((t) => t.ended === 'closed').length);
    // the three units as the run made them
    const unit = (id: string) => review.units.find((u) => u.unitId === id)!;
    expect(unit(run.onTime).done).toBe(run.doneOnTime);
    expect(unit(run.onTime).doneLate).toBe(0);
    expect(unit(run.late).done).toBe(run.doneLate);
    if (run.deadline) expect(unit(run.late).doneLate).toBeGreaterThan(0);
    expect(unit(run.never).acknowledged).toBe(0);
    expect(unit(run.never).done).toBe(0);
  });

  it('judges every deadline by the log: met, met late, or missed — never met when undone', () => {
    const withDue = [...log.entries()].filter(([, t]) => t.dueAt !== null && t.ended !== 'moved');
    const expected = withDue
      .filter(([, t]) => !(t.ended === 'stoodDown' && (t.endedAt ?? 0) <= t.dueAt! && !t.overdue))
      .map(([id, t]) => {
        const status =
          t.doneAt !== undefined
            ? t.doneAt <= t.dueAt!
              ? 'met'
              : 'metLate'
            : t.ended !== undefined
              ? t.overdue || (t.endedAt ?? 0) > t.dueAt!
                ? 'missed'
                : 'closedUndone'
              : signedAt > t.dueAt!
                ? 'overdue'
                : 'pending';
        return `${run.id}:${id}=${status}`;
      });
    // not yet due is one outcome here, whether the view calls it pending or due soon
    const got = review.obligations.map((o) => `${o.taskId}=${o.status === 'dueSoon' ? 'pending' : o.status}`);
    expect(got.sort()).toEqual(expected.sort());
    if (run.deadline) expect(got.some((g) => g.endsWith('=metLate'))).toBe(true);
    for (const o of review.obligations)
      if (o.status === 'met' || o.status === 'metLate') expect(o.by).not.toBeNull();
    expect(review.obligations.some((o) => o.status === 'met' && o.doneAt === null)).toBe(false);
  });

  it('lists the problems the record shows: the unit that never acknowledged, missed deadlines', () => {
    const never = review.units.find((u) => u.unitId === run.never)!;
    expect(review.problems).toContainEqual({
      kind: 'neverAcknowledged',
      unit: never.unit,
      unitEn: never.unitEn,
      tasks: never.tasks,
    });
    const missed = review.obligations.filter((o) => o.status === 'missed' || o.status === 'overdue').length;
    expect(review.problems.filter((p) => p.kind === 'missed').length).toBe(missed);
    const unreached = review.units.filter((u) => !u.reached && u.tasks > 0).length;
    expect(review.problems.filter((p) => p.kind === 'unreached').length).toBe(unreached);
  });

  it('keeps the office’s sections as facts with author and time, and the director’s sign-off', () => {
    const events = run.facts.map((f) => f.event);
    for (const e of events.filter((x) => x.type === 'ReviewWritten'))
      expect(review.office.sections[e.section]).toMatchObject({ text: e.text, by: e.by, at: e.at });
    const signed = events.find((e) => e.type === 'ReviewSigned')!;
    expect(review.office.signedBy).toBe('director');
    expect(review.office.signedAt).toBe(signed.at);
  });

  it('exports the report as a .docx with the headings, the unit table and the figures', async () => {
    const res = await fetch(`${server.url}/api/incidents/${run.id}/review.docx`, {
      headers: { cookie: commander.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const heading of ['基本情况', '预警与响应', '措施落实', '信息报送', '存在问题', '经验', '改进建议'])
      expect(xml).toContain(heading);
    for (const u of review.units) expect(xml).toContain(u.unit);
    expect(xml).toContain(String(review.figures.tasks));
    expect(xml).toContain('加强值班值守，定期演练。');
  });

  it('exports the ledger as .xlsx equal to the ledger query, and as CSV with Chinese intact', async () => {
    const page = (await commander.get<LedgerPage>(`/api/ledger?incidentId=${run.id}&limit=500`)).body;
    expect(page.total).toBe(log.size);
    const res = await fetch(`${server.url}/api/ledger.xlsx?incidentId=${run.id}`, {
      headers: { cookie: commander.cookie },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual([
      '序号',
      '时间',
      '事件',
      '责任单位',
      '措施（条款）',
      '落实情况',
      '完成时间',
      '责任人',
      '备注',
    ]);
    expect(rows.length - 1).toBe(page.rows.length);
    page.rows.forEach((r, i) => {
      const cells = rows[i + 1]!;
      expect(cells[0]).toBe(String(r.no));
      expect(cells[1]).toBe(formatShanghai(r.at));
      expect(cells[3]).toBe(r.unit);
      expect(cells[4]).toBe(`${r.measure}（${r.clause}）`);
      expect(cells[5]).toBe(LEDGER_STATUS_WORDS[r.status].zh);
      expect(cells[6]).toBe(r.doneAt === null ? '' : formatShanghai(r.doneAt));
      // a task closed undone that reached no one still says so
      if (!r.reached) expect(`${cells[5]} ${cells[8]}`).toContain('无人接收');
    });
    // a task closed by termination is never 已完成, and the never-acknowledging unit has no completed row
    expect(
      page.rows.filter((r) => r.unitId === run.never).every((r) => r.status !== 'done' && r.doneAt === null),
    ).toBe(true);

    const csv = await fetch(`${server.url}/api/ledger.csv?incidentId=${run.id}`, {
      headers: { cookie: commander.cookie },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('序号,时间,事件,责任单位,措施（条款）,落实情况,完成时间,责任人,备注');
    expect(lines.length - 1).toBe(page.rows.length);
    expect(text).toContain(review.units[0]!.unit);
  });
});

describe('across the four responses', () => {
  it('counts responses by plan, level and month, and each unit’s acknowledgement times and deadlines, as the log does', async () => {
    expect(runs.length).toBe(4);
    const stats = (await commander.get<Statistics>('/api/statistics')).body;
    expect(stats.incidents).toBe(4);
    expect(stats.byPlan.map((p) => [p.planId, p.count]).sort()).toEqual(
      RUNS.map((r) => [r.planId, 1]).sort(),
    );
    expect(stats.byLevel.map((l) => `${l.planId}/${l.levelId}`).sort()).toEqual(
      RUNS.map((r) => `${r.planId}/${r.to ?? r.from}`).sort(),
    );
    expect(stats.byMonth).toEqual([{ month: '2026-01', count: 4 }]);
    // per unit over all four logs: acknowledgement delays and deadlines, counted here
    const delays = new Map<string, number[]>();
    const met = new Map<string, number>();
    for (const run of runs) {
      for (const t of countLog(run.facts.map((f) => f.event)).values()) {
        if (t.ended === 'stoodDown' || t.ended === 'moved') continue;
        if (t.ackAt !== undefined)
          delays.set(t.unitId, [...(delays.get(t.unitId) ?? []), t.ackAt - t.assignedAt]);
        if (t.dueAt !== null && t.doneAt !== undefined && t.doneAt <= t.dueAt)
          met.set(t.unitId, (met.get(t.unitId) ?? 0) + 1);
      }
    }
    for (const u of stats.units) {
      const d = (delays.get(u.unitId) ?? []).sort((a, b) => a - b);
      const mid = d.length >> 1;
      const median = d.length === 0 ? null : d.length % 2 ? d[mid]! : (d[mid - 1]! + d[mid]!) / 2;
      expect(u.medianAckMs, u.unitId).toBe(median);
      expect(u.met, u.unitId).toBe(met.get(u.unitId) ?? 0);
    }
  });

  it('keeps a signed report as it was signed: late work after the sign-off is in the ledger, not under the signature', async () => {
    const run = runs[0]!;
    const before = (await commander.get<IncidentReview>(`/api/incidents/${run.id}/review`)).body;
    type Detail = { tasks: { id: string; unitId: string; reached: boolean; status: string }[] };
    const open = (await commander.get<Detail>(`/api/incidents/${run.id}`)).body.tasks.find(
      (t) => t.reached && ['assigned', 'acknowledged', 'inProgress'].includes(t.status),
    );
    expect(open, 'a task still owed after the response').toBeDefined();
    const unit = await Client.login(server.url, open!.unitId);
    const late = await unit.post(`/api/tasks/${open!.id}/report`, {
      note: '补报',
      done: true,
      requestId: rid('late'),
    });
    expect(late.status).toBe(200);
    const after = (await commander.get<IncidentReview>(`/api/incidents/${run.id}/review`)).body;
    expect(after.figures).toEqual(before.figures);
    expect(after.version).toBe(before.version);
    expect(after.changedSince).toBeGreaterThan(before.changedSince);
    const rows = (await commander.get<LedgerPage>(`/api/ledger?incidentId=${run.id}&limit=500`)).body.rows;
    expect(rows.find((r) => r.taskId === open!.id)?.doneAt).not.toBeNull();
  });

  it('gives a unit its own ledger only, and no review (told why, when the incident is in its inbox)', async () => {
    const run = runs[0]!;
    const unit = await Client.login(server.url, run.onTime);
    const page = (await unit.get<LedgerPage>(`/api/ledger?unitId=${run.never}&limit=500`)).body;
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.unitId === run.onTime)).toBe(true);
    const refused = await unit.get<{ error: { message: { zh: string } } }>(`/api/incidents/${run.id}/review`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message.zh).toContain('台账');
    // a unit of another plan is told nothing: the incident does not exist for it
    const other = await Client.login(server.url, 'city-police');
    expect((await other.get(`/api/incidents/${run.id}/review`)).status).toBe(404);
    expect((await unit.get('/api/statistics')).status).toBe(403);
  });

  it('finds incidents in the history by a word of their title, filtered and paged', async () => {
    const all = (await commander.get<{ total: number; items: { id: string }[] }>('/api/history?limit=2'))
      .body;
    expect(all.total).toBe(4);
    expect(all.items.length).toBe(2);
    const found = (
      await commander.get<{ total: number; items: { id: string }[] }>(
        `/api/history?text=${encodeURIComponent('扫雪')}`,
      )
    ).body;
    expect(found.items.map((i) => i.id)).toEqual([runs[0]!.id]);
    const drills = (await commander.get<{ total: number }>('/api/history?drill=true')).body;
    expect(drills.total).toBe(0);
    // filters are checked, never ignored: a day that does not exist, dates the wrong way round, an unknown key
    for (const bad of [
      'from=2026-02-30',
      'from=2026-13-45',
      'from=2026-03-01&to=2026-02-01',
      'plan=snow-ice',
    ])
      for (const route of ['history', 'ledger', 'statistics']) {
        const answer = await commander.get<{ error: { message: { zh: string } } }>(`/api/${route}?${bad}`);
        expect(answer.status, `${route}?${bad}`).toBe(400);
        expect(answer.body.error.message.zh).not.toBe('');
      }
  });

  it('refuses writing the review before the end, after the sign-off, and signing by a duty officer', async () => {
    const run = runs[0]!;
    const again = await commander.post(`/api/incidents/${run.id}/review`, {
      section: 'lessons',
      text: '改一下',
      requestId: rid('rv'),
    });
    expect(again.status).toBe(409);
    expect((again.body as { error: { message: { zh: string } } }).error.message.zh).toContain('已于');
    const opened = await commander.post('/api/incidents', {
      planId: 'snow-ice',
      title: '未结束',
      requestId: rid('o'),
    });
    const id = (opened.body as { incident: { id: string } }).incident.id;
    const early = await commander.post(`/api/incidents/${id}/review`, {
      section: 'lessons',
      text: '太早',
      requestId: rid('rv'),
    });
    expect(early.status).toBe(409);
    // read the version and close; again if a deadline fell overdue in between (the scheduler runs alongside)
    const close = async () =>
      commander.post(`/api/incidents/${id}/terminate`, {
        reason: '误报，结案',
        expectedVersion: (await commander.get<{ incident: { version: number } }>(`/api/incidents/${id}`)).body
          .incident.version,
        requestId: rid('end'),
      });
    let closed = await close();
    for (let i = 0; i < 5 && closed.status === 409; i++) closed = await close();
    expect(closed.status).toBe(200);
    const sign = (c: Client) => c.post(`/api/incidents/${id}/review/sign`, { requestId: rid('s') });
    // nothing written yet: the director is told what is missing
    const unwritten = await sign(director);
    expect(unwritten.status).toBe(409);
    expect((unwritten.body as { error: { message: { zh: string } } }).error.message.zh).toContain('经验');
    for (const section of ['lessons', 'problems', 'suggestions'])
      await commander.post(`/api/incidents/${id}/review`, { section, text: '无', requestId: rid('rv') });
    // a section may be as long as REVIEW allows, over REST: the payload bound does not cut it shorter
    const long = await commander.post(`/api/incidents/${id}/review`, {
      section: 'suggestions',
      text: '建'.repeat(REVIEW.charsPerSection),
      requestId: rid('rv'),
    });
    expect(long.status).toBe(200);
    const duty = await Client.login(server.url, 'duty');
    expect((await sign(duty)).status).toBe(403);
    expect((await sign(director)).status).toBe(200);
  });
});
