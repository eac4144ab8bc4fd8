import 'server-only';
import { env } from '@/env';

/**
 * The client's IP for throttling. Next's own server sets X-Forwarded-For from the socket; behind
 * our own reverse proxy (TRUST_PROXY) the first hop is the client, otherwise the last hop is
 * the one Next added and the rest may be forged.
 */
export function clientIpFrom(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const hops = forwarded
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const hop = env.TRUST_PROXY ? hops[0] : hops.at(-1);
    if (hop) return hop;
  }
  return headers.get('x-real-ip');
}
