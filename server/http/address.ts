/**
 * The address a limit counts against. An IPv6 client usually holds a whole /64 and could take a new address
 * per request, so IPv6 counts by its /64; IPv4 written as IPv6 (::ffff:a.b.c.d) counts as IPv4.
 */
import { isIPv6 } from 'node:net';
import type { Request } from 'express';

export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!isIPv6(ip)) return ip;
  // expand "::" so that the first four groups are the /64, whatever the spelling
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** The key of a request's client: the address Express believes (TRUST_PROXY), grouped as above. */
export const clientKey = (req: Request): string =>
  addressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown');
