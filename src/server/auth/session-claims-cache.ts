import 'server-only';

/**
 * Decrypted session claims by exact token, so a person's next requests skip the JWE decrypt
 * (HKDF key derivation + AES-CBC/HMAC in webcrypto — the largest per-request cost of a signed-in
 * page). Only successfully decrypted tokens are kept, each until its own `exp`, so the cache
 * never accepts anything the decrypt would refuse. Bounded: the oldest entry goes first.
 * Revocation does not depend on it — getActor re-reads the user row on every request.
 */
export function createSessionClaimsCache<TClaims>(maxEntries: number) {
  const entries = new Map<string, { claims: TClaims; expiresAtMs: number }>();
  return {
    get(token: string, nowMs: number): TClaims | undefined {
      const hit = entries.get(token);
      if (!hit) return undefined;
      if (nowMs >= hit.expiresAtMs) {
        entries.delete(token);
        return undefined;
      }
      return hit.claims;
    },
    set(token: string, claims: TClaims, expiresAtMs: number): void {
      if (entries.has(token)) entries.delete(token);
      else if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(token, { claims, expiresAtMs });
    },
    get size() {
      return entries.size;
    },
  };
}
