/**
 * The contract (shared/protocol/contract.ts) is the API: every entry is served by the real server at its
 * method and path, no route is served that it does not name, docs/api.md lists each one as it is, and the
 * socket's commands are exactly its engine commands.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { CONTRACT, fillPath, type Name } from '../../shared/protocol/contract.ts';
import { CONTRACT_DOCS } from '../../shared/protocol/contract-docs.ts';
import { COMMAND_BODIES, SocketCommand } from '../../shared/protocol/live.ts';
import { boot, Client } from './live.ts';

let server: RunningServer;
let admin: Client;
beforeAll(async () => {
  server = await boot();
  admin = await Client.login(server.url, 'admin');
});
afterAll(() => server.close());

const NO_SUCH_ENDPOINT = 'No such endpoint';
const entries = Object.entries(CONTRACT) as [Name, (typeof CONTRACT)[Name]][];

describe('the contract', () => {
  it.each(entries)('serves %s at its method and path', async (name, route) => {
    const { path } = fillPath(route.path, {
      incidentId: 'x',
      taskId: 'x:y@z',
      planId: 'snow-ice',
      levelId: 'I',
      unitId: 'sanitation',
    });
    const res = await fetch(`${server.url}${path}`, {
      method: route.method,
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      ...(route.method === 'GET' ? {} : { body: '{}' }),
    });
    // whatever the answer (a refusal of the empty body, a 404 for the made-up incident), it is the route's
    expect(await res.text(), name).not.toContain(NO_SUCH_ENDPOINT);
  });

  it('serves nothing it does not name', async () => {
    for (const [method, path] of [
      ['POST', '/api/incidents/x/level'],
      ['POST', '/api/incidents/x/milestones'],
      ['POST', '/api/tasks/x:y@z/ack'],
      ['GET', '/api/incidents/x/timeline'],
    ] as const) {
      const res = await admin.request(method, path, method === 'GET' ? undefined : {});
      expect(res.status, path).toBe(404);
      expect(res.body.error.message.en).toBe(NO_SUCH_ENDPOINT);
    }
  });

  it('is listed entry by entry in docs/api.md', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    for (const [name, route] of entries)
      expect(doc, name).toContain(
        `| \`${name}\` | ${route.kind} | \`${route.method} ${route.path}\` | ${CONTRACT_DOCS[name]} |`,
      );
    const listed = [...doc.matchAll(/^\| `(\w+)` \| (?:command|query) \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(entries.map(([n]) => n).sort());
  });

  it('names the socket’s commands as the REST commands, each at a POST of the contract', () => {
    const socketTypes = SocketCommand.options.map((o) => o.shape.type.value).sort();
    expect(socketTypes).toEqual(Object.keys(COMMAND_BODIES).sort());
    for (const name of socketTypes) {
      expect(CONTRACT[name].kind).toBe('command');
      expect(CONTRACT[name].method).toBe('POST');
    }
  });
});
