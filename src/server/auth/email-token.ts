import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe one-time token and the hash we store instead of it. */
export function createEmailToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashEmailToken(token) };
}

export function hashEmailToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
