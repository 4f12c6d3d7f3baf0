/**
 * What the wire carries for the built client (server/http/static.ts, vite.config.ts) and the API's
 * compression (server/app.ts): against the real server on port 0 over real HTTP, with the Accept-Encoding
 * headers browsers and tools send, every body decoded and compared with the file the build wrote.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { boot, Client } from './live.ts';

const DIST = join(process.cwd(), 'dist', 'client');
let server: RunningServer;
let html: string;
/** the entry script index.html loads */
let entry: string;

beforeAll(async () => {
  server = await boot();
  html = readFileSync(join(DIST, 'index.html'), 'utf8');
  entry = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
  expect(entry, 'the client is built (npm run build)').toBeTruthy();
});
afterAll(() => server.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** the bytes as sent */
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(r.body)
    : r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(r.body)
      : r.body;

/** What Chromium sends over http://127.0.0.1 (measured by test/e2e/console.test.ts) */
const CHROMIUM = 'gzip, deflate, br, zstd';
const SECURITY = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];

describe('precompressed static files', () => {
  it('answers by Accept-Encoding: brotli first among equals, then gzip, else the file itself', async () => {
    const file = readFileSync(join(DIST, entry));
    const table: [string | null, string | undefined, string][] = [
      [CHROMIUM, 'br', '.br'],
      ['gzip, deflate', 'gzip', '.gz'],
      ['gzip;q=1, br;q=0.5', 'gzip', '.gz'],
      ['br;q=0.1, gzip;q=0.1', 'br', '.br'],
      ['*', 'br', '.br'],
      ['br;q=0, gzip', 'gzip', '.gz'],
      ['identity', undefined, ''],
      ['deflate', undefined, ''],
      ['br;q=0, gzip;q=0', undefined, ''],
      [null, undefined, ''],
    ];
    for (const [accept, encoding, suffix] of table) {
      const res = await get(entry, accept === null ? {} : { 'accept-encoding': accept });
      const what = `Accept-Encoding: ${accept}`;
      expect(res.status, what).toBe(200);
      expect(res.headers['content-encoding'], what).toBe(encoding);
      expect(res.headers['content-type'], what).toBe('text/javascript; charset=utf-8');
      expect(res.headers.vary, what).toMatch(/Accept-Encoding/i);
      expect(Number(res.headers['content-length']), what).toBe(res.body.length);
      expect(res.body.equals(readFileSync(join(DIST, entry + suffix))), what).toBe(true);
      expect(decode(res).equals(file), what).toBe(true);
    }
  });

  it('has a brotli and a gzip sibling of every text file the build wrote, kept when smaller', () => {
    const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(js|css|html|svg|json|ico)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const file = readFileSync(join(DIST, f));
      const siblings = [
        [`${f}.br`, brotliDecompressSync],
        [`${f}.gz`, gunzipSync],
      ] as const;
      for (const [name, unpack] of siblings) {
        if (!existsSync(join(DIST, name))) {
          // only a file too small or too dense to gain anything goes without
          expect(file.length < 1024 || f.endsWith('.ico'), name).toBe(true);
          continue;
        }
        const packed = readFileSync(join(DIST, name));
        expect(unpack(packed).equals(file), name).toBe(true);
        expect(packed.length, name).toBeLessThan(file.length);
      }
    }
  });

  it('pages, the SPA routes and the icons in the right type, compressed too', async () => {
    const cases: [string, RegExp][] = [
      ['/', /^text\/html/],
      ['/index.html', /^text\/html/],
      ['/dashboard', /^text\/html/],
      ['/incidents/20261129-a1b2c3', /^text\/html/],
      ['/icon.svg', /^image\/svg\+xml/],
      ['/sw.js', /^text\/javascript/],
    ];
    for (const [path, type] of cases) {
      const res = await get(path, { 'accept-encoding': CHROMIUM });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(type);
      expect(res.headers['content-encoding'], path).toBe('br');
    }
    const page = await get('/inbox', { 'accept-encoding': 'gzip' });
    expect(decode(page).toString('utf8')).toBe(html);
  });

  it('HEAD sends the headers only; a matching ETag gets 304', async () => {
    const head = await get(entry, { 'accept-encoding': CHROMIUM }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(readFileSync(join(DIST, `${entry}.br`)).length);
    const first = await get('/', { 'accept-encoding': CHROMIUM });
    const again = await get('/', {
      'accept-encoding': CHROMIUM,
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    // each encoding is its own representation, with its own tag
    const gz = await get('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers.etag).not.toBe(first.headers.etag);
    expect(
      (await get('/', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) })).status,
    ).toBe(200);
  });
});

describe('caching', () => {
  it('hashed assets are immutable for a year; the page, the worker and the icons are revalidated', async () => {
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2); // the entry and its CSS at least
    for (const path of assets)
      expect((await get(path)).headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/dashboard', '/sw.js', '/favicon.ico', '/icon.svg'])
      expect((await get(path)).headers['cache-control'], path).toBe('no-cache');
  });

  it('a missing file is 404, never the page: under /assets/, with an extension, or a way out of the root', async () => {
    for (const path of [
      '/assets/nope.js',
      '/assets/index-00000000.css',
      '/assets/',
      '/assets/sub/x',
      '/x.js',
      '/nothing.ico',
      '/robots.txt',
      '/.env',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/dashboard/..%5c..%5cpackage.json',
      '/%E0%A4%A',
    ]) {
      const res = await get(path, { 'accept-encoding': CHROMIUM });
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toMatch(/^application\/json/);
      expect(res.headers['content-encoding'], path).toBeUndefined();
      expect(res.body.toString('utf8'), path).not.toMatch(/<html/i);
      for (const h of SECURITY) expect(res.headers[h], `${path} ${h}`).toBeTruthy();
    }
  });

  it('keeps the security headers on every static answer', async () => {
    for (const path of ['/', '/dashboard', entry, '/favicon.ico', '/sw.js']) {
      const res = await get(path, { 'accept-encoding': CHROMIUM });
      for (const h of SECURITY) expect(res.headers[h], `${path} ${h}`).toBeTruthy();
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    }
  });
});

describe('the icons', () => {
  it('index.html links an SVG icon and the ICO; /favicon.ico is a real ICO of PNG images', async () => {
    expect(html).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
    expect(html).toMatch(/<link rel="icon" href="\/icon\.svg" type="image\/svg\+xml"/);
    const res = await get('/favicon.ico', { 'accept-encoding': 'identity' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/(vnd\.microsoft\.icon|x-icon)$/);
    const ico = res.body;
    // ICONDIR: reserved 0, type 1 (icon), count; then 16-byte entries pointing at each image
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThanOrEqual(1);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const e = 6 + 16 * i;
      const [size, offset] = [ico.readUInt32LE(e + 8), ico.readUInt32LE(e + 12)];
      expect(offset + size).toBeLessThanOrEqual(ico.length);
      const png = ico.subarray(offset, offset + size);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      // the PNG's own width agrees with the directory's (0 means 256)
      expect(png.readUInt32BE(16)).toBe(ico.readUInt8(e) || 256);
      sizes.push(png.readUInt32BE(16));
    }
    expect(sizes).toContain(16);
    expect(sizes).toContain(32);
    const svg = decode(await get('/icon.svg', { 'accept-encoding': CHROMIUM })).toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<text|href=|url\(/); // no words, nothing from elsewhere
  });
});

describe('the service worker', () => {
  it('knows the shell of this build: the page, every file it loads, the icons; never the API', async () => {
    const sw = decode(await get('/sw.js', { 'accept-encoding': CHROMIUM })).toString('utf8');
    const build = JSON.parse(/^const BUILD = (.*);$/m.exec(sw)?.[1] ?? 'null') as {
      version: string;
      shell: string[];
    };
    expect(build.version).toMatch(/^[0-9a-f]{12}$/);
    const loaded = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
    expect(loaded).toContain(entry);
    for (const path of [...loaded, '/index.html']) expect(build.shell, path).toContain(path);
    for (const path of build.shell) {
      expect(path).not.toMatch(/^\/(api|socket\.io)\//);
      expect((await get(path)).status, path).toBe(200);
    }
  });
});

describe('API answers', () => {
  it('over 1 KB are compressed as the client accepts, still no-store, without an ETag, in demo mode', async () => {
    const plain = await get('/api/plans', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = JSON.parse(plain.body.toString('utf8'));
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [accept, encoding] of [
      [CHROMIUM, 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const res = await get('/api/plans', { 'accept-encoding': accept });
      expect(res.status, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers['cache-control'], accept).toBe('no-store');
      expect(res.headers.etag, accept).toBeUndefined();
      expect(res.headers['x-console-mode'], accept).toBe('demo');
      expect(res.headers.vary, accept).toMatch(/Accept-Encoding/i);
      expect(JSON.parse(decode(res).toString('utf8')), accept).toEqual(json);
      if (encoding) expect(res.body.length, accept).toBeLessThan(plain.body.length / 2);
    }
    // a small answer goes as it is
    const health = await get('/api/health', { 'accept-encoding': CHROMIUM });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8'))).toEqual({ demo: true, ok: true });
  });

  it('a logged-in read and an error answer keep their shape and headers', async () => {
    const duty = await Client.login(server.url, 'duty');
    const res = await get('/api/incidents', { cookie: duty.cookie, 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(JSON.parse(decode(res).toString('utf8'))).toMatchObject({ demo: true });
    const missing = await get('/api/nothing', { 'accept-encoding': CHROMIUM });
    expect(missing.status).toBe(404);
    expect(JSON.parse(decode(missing).toString('utf8')).error.code).toBe('NOT_FOUND');
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});
