import 'server-only';
import { CredentialsSignin } from 'next-auth';

export type TSignInRefusal =
  { kind: 'throttled'; retryAfterMinutes: number } | { kind: 'unverified' } | { kind: 'invalid' };

/**
 * What a refused credentials sign-in means for the person, read from the error signIn()
 * throws. Null for anything else (a real fault, or Next's redirect), which the caller rethrows.
 */
export function readSignInRefusal(error: unknown): TSignInRefusal | null {
  if (!(error instanceof CredentialsSignin)) return null;
  const throttled = /^throttled:(\d+)$/.exec(error.code);
  if (throttled?.[1]) return { kind: 'throttled', retryAfterMinutes: Number(throttled[1]) };
  if (error.code === 'unverified') return { kind: 'unverified' };
  return { kind: 'invalid' };
}
