import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clocks } from '../../shared/engine/clocks.ts';
import { commander, declareCmd, duty, HOUR, plan, Run, scheduler, T0, unit } from './helpers.ts';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('the engine is pure', () => {
  it('shared/ imports nothing from server/ or client/, and nothing from node', () => {
    const offenders = files(SHARED).filter((f) =>
      /from\s+'(\.\.\/)+(server|client)\/|from\s+'node:/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('no engine source reads the clock or chance', () => {
    const offenders = files(join(SHARED, 'engine')).filter((f) =>
      /Date\.now\(|new Date\(\)|new TZDate\(\)|performance\.now|Math\.random/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  afterEach(() => vi.restoreAllMocks());

  it('a whole response runs with the clock switched off', () => {
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('the engine read the clock');
    });
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'red'), duty, T0);
    run.do({ type: 'approve' }, commander, T0 + HOUR);
    run.do({ type: 'acknowledge', taskId: 'member-duties@city-police' }, unit('city-police'), T0 + 2 * HOUR);
    run.do({ type: 'tick' }, scheduler, T0 + 30 * HOUR);
    run.do({ type: 'terminate', reason: '好转' }, commander, T0 + 40 * HOUR);
    expect(clocks(run.plan, run.s, T0 + 41 * HOUR).obligations.length).toBeGreaterThan(0);
    expect(run.s.status).toBe('terminated');
  });
});
