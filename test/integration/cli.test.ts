import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs the real CLI in its own process. */
async function plan(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['server/cli/plan.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('plan CLI', () => {
  it('assess prints the level and reasons as JSON', async () => {
    const r = await plan('assess', 'power-plant', '{"deaths": 3, "injured": 2}');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['level', 'reasons']);
    expect(out.level).toBe('III');
    expect(out.reasons[0]).toMatchObject({ criterion: 'iii-deaths', clause: '4.1', value: 3 });
  });

  it('tasks lists unit, title, clause and the tier that introduced each task', async () => {
    const r = await plan('tasks', 'heavy-pollution', 'orange');
    const tasks = JSON.parse(r.stdout) as {
      unit: string | string[];
      title: string;
      clause: string;
      level: string;
    }[];
    expect(tasks.length).toBeGreaterThan(10);
    for (const t of tasks) {
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.clause.length).toBeGreaterThan(0);
      expect(['blue', 'yellow', 'orange']).toContain(t.level);
      expect(t.unit.length).toBeGreaterThan(0);
    }
    expect(tasks.find((t) => t.title.startsWith('强制减排：陶瓷耐火钙业停产'))?.unit).toContain('市环保局');
  });

  it('clocks and validate answer for every plan', async () => {
    const clocks = JSON.parse((await plan('clocks', 'power-plant', 'IV')).stdout) as { id: string }[];
    expect(clocks.map((c) => c.id)).toContain('phone-city-10min');
    const v = await plan('validate');
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).plans.map((p: { problems: string[] }) => p.problems)).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it.each([
    [['assess', 'nope', '{}'], '没有预案'],
    [['assess', 'snow-ice', '{"snowDepthCm": -1}'], '不能为负数'],
    [['assess', 'snow-ice', '{}'], '缺少读数'],
    [['assess', 'snow-ice', '{oops'], '不是合法的 JSON'],
    [['assess', 'snow-ice'], '缺少读数 JSON'],
    [['tasks', 'snow-ice', 'IX'], '没有级别'],
    [['clocks', 'rural-water'], '缺少级别'],
    [['launch'], '未知命令'],
  ])('%j exits 2 with one line naming the problem', async (args, words) => {
    const r = await plan(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(words);
  });
});
