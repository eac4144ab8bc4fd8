import 'server-only';
import { cookies } from 'next/headers';
import { authSecret } from '@/env';
import { ROLES, type TRole } from '../db/schema';
import { createSessionClaimsCache } from './session-claims-cache';
import { decodeSessionToken } from './decode-session-token';

/** Auth.js cookie names: `__Secure-` over https; large tokens are split into `.0`, `.1`, … */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export type TSessionClaims = { userId: string; role: TRole; issuedAt: number | undefined };

/** About 5 MB at most; a busy server keeps its active sessions decrypted. */
const claimsCache = createSessionClaimsCache<TSessionClaims>(10_000);

/**
 * The session cookie's claims, decrypted once. Pages cannot set cookies, so the sliding
 * re-issue that `auth()` performs (a decrypt AND a fresh encrypt on every call) is thrown away
 * there; reading the token directly halves the per-request crypto, and the claims cache skips
 * it for a token already seen. Expiry is checked by the decryption (`exp`) and by the cache.
 * Null when there is no valid session.
 */
export async function readSession(): Promise<TSessionClaims | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort(
        (a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)),
      );
    const token =
      jar.get(name)?.value ?? (chunks.length ? chunks.map((c) => c.value).join('') : '');
    if (!token) continue;
    const cacheKey = `${name}\n${token}`;
    const cached = claimsCache.get(cacheKey, Date.now());
    if (cached) return cached;
    const payload = await decodeSessionToken({ token, secret: authSecret, salt: name });
    const role = ROLES.find((r) => r === payload?.role);
    if (!payload || typeof payload.sub !== 'string' || !payload.sub || !role) return null;
    const claims: TSessionClaims = {
      userId: payload.sub,
      role,
      issuedAt: typeof payload.iat === 'number' ? payload.iat : undefined,
    };
    if (typeof payload.exp === 'number') claimsCache.set(cacheKey, claims, payload.exp * 1000);
    return claims;
  }
  return null;
}
