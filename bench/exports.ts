/**
 * What generating the after-response files costs for a large incident: 150+ tasks and 5,000 notes, built
 * with the engine itself (decide + apply, as the server does). Each export is timed in this process against
 * a baseline measured in the same run: serialising the incident's state as JSON, the least any export of
 * the whole record must do.
 */
import { apply, freshRun } from '../shared/engine/apply.ts';
import { decide } from '../shared/engine/decide.ts';
import type { Actor, Command, IncidentEvent, IncidentState } from '../shared/engine/incident.ts';
import { planById } from '../shared/plans/index.ts';
import { ledger } from '../shared/views/ledger.ts';
import { incidentReview } from '../shared/views/review.ts';
import { ledgerCsv, ledgerXlsx } from '../server/exports/ledgerFiles.ts';
import { reviewDocx } from '../server/exports/reviewDocx.ts';

const MIN = 60_000;

/** An incident of snow-ice at level II (172 tasks), every reached task reported on until `notes` notes exist. */
export function largeIncident(notes: number) {
  const plan = planById('snow-ice')!;
  const order = plan.levels.map((l) => l.id);
  let state: IncidentState | null = null;
  const log: IncidentEvent[] = [];
  let now = Date.parse('2026-01-15T09:00:00+08:00');
  const run = (command: Command, actor: Actor) => {
    const d = decide(plan, state, command, { actor, now });
    if (!d.ok) throw new Error(`${command.type}: ${d.refusal.message.en}`);
    const fresh = freshRun();
    for (const e of d.events) state = apply(state, e, order, fresh);
    log.push(...d.events);
  };
  const commander: Actor = { userId: 'commander', role: 'commander' };
  run(
    {
      type: 'declare',
      incidentId: 'bench-1',
      planId: 'snow-ice',
      title: '大范围降雪',
      levelId: 'II',
      reason: '基准测试',
    },
    commander,
  );
  const reached = Object.values(state!.tasks).filter(
    (t) => !plan.units.some((u) => u.id === t.unitId && u.kind === 'role'),
  );
  let written = 0;
  for (let round = 0; written < notes; round++) {
    for (const t of reached) {
      if (written >= notes) break;
      now += 1000;
      run(
        {
          type: 'report',
          taskId: t.id,
          note: `第 ${round + 1} 次进展：已出动人员 ${round * 3 + 5} 人、车辆 ${round + 2} 台，主要路段已清理。`,
          done: false,
        },
        { userId: t.unitId, role: 'unit', unitId: t.unitId },
      );
      written += 1;
    }
  }
  now += 30 * MIN;
  run({ type: 'terminate', reason: '雪停路通' }, commander);
  return {
    plan,
    state: state! as IncidentState,
    log,
    now,
    tasks: Object.keys(state!.tasks).length,
    notes: written,
  };
}

async function time<T>(runs: number, f: () => Promise<T> | T): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

export async function exportsBench(runs = 5) {
  const big = largeIncident(5_000);
  const names = (id: string) => id;
  const review = incidentReview(big.plan, big.state, big.log, big.now);
  const rows = ledger(() => big.plan, [big.state], {});
  return {
    tasks: big.tasks,
    notes: big.notes,
    baseline: await time(runs, () => JSON.stringify(big.state)),
    review: await time(runs, () => incidentReview(big.plan, big.state, big.log, big.now)),
    ledger: await time(runs, () => ledger(() => big.plan, [big.state], {})),
    docx: await time(runs, () => reviewDocx(review, names, 'zh')),
    xlsx: await time(runs, () => ledgerXlsx(rows, names, 'zh')),
    csv: await time(runs, () => ledgerCsv(rows, names, 'zh')),
    docxBytes: (await reviewDocx(review, names, 'zh')).length,
    xlsxBytes: (await ledgerXlsx(rows, names, 'zh')).length,
    csvBytes: Buffer.byteLength(ledgerCsv(rows, names, 'zh')),
    rows: rows.length,
  };
}
