import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time comparison of a typed code with the stored one. Both sides are hashed first so
 * the comparison takes the same time whatever their lengths.
 */
export function compareVerificationCode(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
