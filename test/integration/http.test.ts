import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { boot } from './live.ts';

let base = '';
let server: RunningServer;

beforeAll(async () => {
  server = await boot();
  base = server.url;
});
afterAll(() => server.close());

const post = (path: string, body: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('plan API on a real port', () => {
  it('serves health and the four plans', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.headers.get('x-console-mode')).toBe('demo');
    expect(await health.json()).toEqual({ demo: true, ok: true });
    const plans = (await (await fetch(`${base}/api/plans`)).json()) as { id: string }[];
    expect(plans.map((p) => p.id)).toEqual(['snow-ice', 'rural-water', 'power-plant', 'heavy-pollution']);
  });

  it('assesses readings', async () => {
    const r = await post(
      '/api/plans/heavy-pollution/assess',
      JSON.stringify({ indicators: { aqiForecast: [260, 310, 280] } }),
    );
    expect(r.status).toBe(200);
    expect(((await r.json()) as { level: string }).level).toBe('orange');
  });

  it.each([
    ['/api/plans/snow-ice/assess', '{"indicators": {"snowDepthCm": -3}}', 400, '不能为负数'],
    ['/api/plans/snow-ice/assess', '{"indicators": {}, "extra": 1}', 400, 'indicators'],
    ['/api/plans/snow-ice/assess', '{not json', 400, 'JSON'],
    ['/api/plans/nope/assess', '{"indicators": {"x": 1}}', 404, '没有预案'],
  ])('POST %s %s → %i', async (path, body, status, words) => {
    const r = await post(path, body);
    expect(r.status).toBe(status);
    const json = (await r.json()) as { error: { code: string; message: { zh: string; en: string } } };
    // the words are in one language or the other
    expect(`${json.error.message.zh}\n${json.error.message.en}`).toContain(words);
  });

  it('gives a level’s tasks and the plan’s source text', async () => {
    const tasks = (await (await fetch(`${base}/api/plans/rural-water/levels/district/tasks`)).json()) as {
      id: string;
    }[];
    expect(tasks.map((t) => t.id)).toContain('village-lead');
    const text = await (await fetch(`${base}/api/plans/rural-water/source`)).text();
    expect(text).toContain('0533-4110094');
    expect((await fetch(`${base}/api/plans/snow-ice/levels/V/tasks`)).status).toBe(404);
  });
});
