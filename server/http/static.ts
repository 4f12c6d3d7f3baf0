/**
 * The built client (dist/client) as the browser should get it:
 *
 * - **precompressed**: the build writes `x.br` (brotli, max quality) and `x.gz` (gzip 9) beside each file
 *   (vite.config.ts); the answer is the one the request's Accept-Encoding takes, brotli first among equals,
 *   then gzip, else the file itself, with its own Content-Type, Content-Encoding, Content-Length and
 *   `Vary: Accept-Encoding`. Nothing is compressed per request.
 * - **cached by name**: the hashed files under /assets/ never change under their name, so they are
 *   `immutable` for a year; everything else (index.html, the service worker, the icons) is `no-cache`: kept,
 *   but revalidated by its ETag on every use, so a new build is seen at once.
 * - **a page for every route, a 404 for every missing file**: a path without an extension is a route of
 *   the app, answered with index.html; a missing file (anything under /assets/, anything with an extension,
 *   `/favicon.ico` included) is a 404, never the page, which a browser would otherwise run as a script or
 *   keep as an icon.
 *
 * `send` does the rest: HEAD, ranges, ETag and Last-Modified, 304. The security headers are set before this
 * runs (server/http/headers.ts) and stay on every answer.
 */
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';
import send from 'send';
import { sendError } from './errors.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The precompressed siblings, by the Content-Encoding each is sent with, in the server's preference. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** negotiator 1.x takes the server's order among equal q-values; its @types (0.6) do not know the option */
type Encodings = (available: readonly string[], options: { preferred: readonly string[] }) => string[];

/** The encodings the request accepts, best first: br before gzip when it weighs them alike. */
export function acceptedEncodings(req: Pick<Request, 'headers'>): string[] {
  const negotiator = new Negotiator(req) as unknown as { encodings: Encodings };
  return negotiator.encodings(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip', 'identity'] });
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** The file a request path names under the root, or null for a path that cannot name one. */
function fileName(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  // no way out of the root, no hidden file, nothing the file system reads differently from a URL
  if (/[\0\\]/.test(decoded)) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment.startsWith('.'))) return null;
  return decoded;
}

/** A path that asks for a file rather than a route of the app: under /assets/, or with an extension. */
const namesAFile = (path: string) => path.startsWith('/assets/') || /\.[^/.]+$/.test(path);

export function clientFiles(root: string): RequestHandler {
  const notFound = (res: Response) => {
    res.removeHeader('Content-Encoding');
    res.setHeader('Cache-Control', REVALIDATE);
    sendError(res, 'NOT_FOUND', '没有该文件', 'No such file');
  };
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const requested = fileName(req.path);
    if (requested === null) return notFound(res);
    const file = namesAFile(requested) ? requested : '/index.html';
    try {
      const path = join(root, file);
      if (!(await isFile(path))) return notFound(res);
      let served = file;
      let encoding: string | null = null;
      for (const accepted of acceptedEncodings(req)) {
        const variant = VARIANTS.find((v) => v.encoding === accepted);
        if (!variant) break; // identity: the file itself
        if (await isFile(path + variant.suffix)) {
          served = file + variant.suffix;
          encoding = variant.encoding;
          break;
        }
      }
      res.type(extname(file) || '.html');
      if (encoding) res.setHeader('Content-Encoding', encoding);
      res.vary('Accept-Encoding');
      res.setHeader('Cache-Control', file.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
      send(req, encodeURI(served), { root, index: false, dotfiles: 'deny', cacheControl: false })
        // the file went away between the look and the read (a build replacing dist/client), or worse
        .on('error', (err: { status?: number }) => {
          if (err.status === 404) return notFound(res);
          res.removeHeader('Content-Encoding');
          next(err);
        })
        .pipe(res);
    } catch (err) {
      next(err);
    }
  };
}
