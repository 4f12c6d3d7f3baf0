/**
 * What every answer tells the browser, and which host names the console answers to at all.
 *
 * - A strict Content-Security-Policy: the built client is one origin of files with no inline script or
 *   style, so markup that slipped into a page (through a note someone typed, or a library that writes HTML)
 *   can neither run a script nor load one from elsewhere. React's style props and Leaflet position things
 *   through CSSOM, which CSP allows (test/e2e/console.test.ts visits every screen, collecting violations).
 * - HSTS only when a trusted proxy says the request came over TLS: sent over plain HTTP it would be ignored,
 *   and believed from any client it would pin a console that has no TLS at all.
 * - `no-store` on the API: answers carry incidents, tasks and phone numbers that must not stay in a shared
 *   cache or the browser's disk after logout.
 * - Allowed hosts against DNS rebinding: a page on another site can point its own name at this machine's
 *   address and then read the console with the visitor's network position; the browser still sends that
 *   foreign name as Host, so answering only our own names closes it (for REST here, and for socket.io, which
 *   answers before Express, through `hostAllowed`).
 */
import type { Server as HttpServer } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import type { RequestHandler } from 'express';
import { sendError } from './errors.ts';

/**
 * The origin a Leaflet tile template loads from, as a CSP source, or null when the template is relative
 * (then 'self' covers it) or cannot be expressed. A placeholder in the host ("t{s}.tianditu.gov.cn") stands
 * for any label there, which CSP can only say as a leading wildcard: "https://*.tianditu.gov.cn".
 */
export function tileSource(tileUrl: string | null | undefined): string | null {
  // "//tiles.example/…" (Leaflet takes the page's scheme) gives a scheme-less source, which CSP reads alike
  const m = /^(?:(https?):)?\/\/([^/?#]+)/i.exec(tileUrl?.trim() ?? '');
  if (!m) return null;
  const authority = m[2]!.toLowerCase();
  const labels = authority.slice(authority.lastIndexOf('@') + 1).split('.');
  const last = labels.findLastIndex((l) => l.includes('{'));
  const host = last >= 0 ? ['*', ...labels.slice(last + 1)].join('.') : labels.join('.');
  // only what CSP's host-source grammar admits (no IPv6 literal), so nothing can be smuggled into the header
  if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/.test(host)) return null;
  return m[1] ? `${m[1].toLowerCase()}://${host}` : host;
}

export function contentSecurityPolicy(tileUrl: string | null | undefined): string {
  const tiles = tileSource(tileUrl);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    // socket.io is a same-origin WebSocket, which 'self' matches (CSP 3)
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Headers for every answer, pages and API alike. They only describe the answer, so they come first. */
export function securityHeaders(map: { tileUrl: string | null }): RequestHandler {
  // (not the URL itself: a 天地图 URL carries its key)
  if (map.tileUrl && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(map.tileUrl) && !tileSource(map.tileUrl))
    console.warn(
      'TILE_URL: no CSP source can name its origin (an IPv6 literal?); the browser will block its tiles',
    );
  const csp = contentSecurityPolicy(map.tileUrl);
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    // req.secure believes X-Forwarded-Proto only from the proxy TRUST_PROXY names
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}

/** Mounted on /api (Express's own matching, so /API/… too); a route may still choose to be cached. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** A name from a Host header or an ALLOWED_HOSTS entry: lower case, no port, no brackets, no final dot. */
export function hostName(value: string): string {
  let h = value.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  else if (h.indexOf(':') === h.lastIndexOf(':')) h = h.split(':')[0]!; // one colon: a port; more: bare IPv6
  return h.replace(/\.$/, '');
}

export type HostCheck = (hostHeader: string | undefined) => boolean;

const isAddress = (h: string) => h.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(h);

/**
 * The host names the console answers to: `allowed` when given (ALLOWED_HOSTS), otherwise loopback, this
 * machine's name and every address of its interfaces. An address that is not known yet re-reads the
 * interfaces (at most every 5 s, so a flood of foreign hosts costs nothing): DHCP may have moved us.
 */
export function hostCheck(allowed?: readonly string[]): HostCheck {
  if (allowed && allowed.length > 0) {
    const names = new Set(allowed.map(hostName));
    return (header) => header !== undefined && names.has(hostName(header));
  }
  const machine = () =>
    new Set(
      ['localhost', '127.0.0.1', '::1', hostname(), ...Object.values(networkInterfaces()).flat()]
        .map((a) => (typeof a === 'string' ? a : (a?.address ?? '')))
        .map(hostName)
        .filter(Boolean),
    );
  let names = machine();
  let readAt = Date.now();
  return (header) => {
    if (header === undefined) return false; // HTTP/1.0 without Host: nothing to check, nothing to answer
    const name = hostName(header);
    if (names.has(name)) return true;
    if (isAddress(name) && Date.now() - readAt > 5_000) {
      names = machine();
      readAt = Date.now();
    }
    return names.has(name);
  };
}

/** Refuses a foreign Host before any route, session lookup or body parsing runs. */
export function allowedHostsOnly(check: HostCheck): RequestHandler {
  return (req, res, next) => {
    if (check(req.headers.host)) return next();
    sendError(
      res,
      'FORBIDDEN',
      '主机名不被允许：请用控制台自己的地址访问，或把该名称加入 ALLOWED_HOSTS',
      "Host not allowed: use the console's own address, or add this name to ALLOWED_HOSTS",
    );
  };
}

/**
 * socket.io answers its handshake before Express sees the request, so it asks here, by the HTTP server it
 * shares with the app, for the same check the app was given.
 */
const checks = new WeakMap<HttpServer, HostCheck>();
export const bindHostCheck = (http: HttpServer, check: HostCheck) => void checks.set(http, check);
export function hostAllowed(http: HttpServer, hostHeader: string | undefined): boolean {
  let check = checks.get(http);
  if (!check) checks.set(http, (check = hostCheck()));
  return check(hostHeader);
}
