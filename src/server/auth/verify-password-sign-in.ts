import 'server-only';
import { eq } from 'drizzle-orm';
import { env } from '@/env';
import { getDb } from '../db';
import { users, type TRole } from '../db/schema';
import {
  checkThrottles,
  clearThrottle,
  recordThrottleFailure,
  type TThrottleRule,
} from '../throttle';
import { burnPasswordCheck, verifyPassword } from './password';
import { normalizeEmail } from './normalize-email';

export type TPasswordSignInResult =
  | { ok: true; user: { id: string; role: TRole } }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'unverified' }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number };

export function signInThrottleRules(email: string, ip: string | null): TThrottleRule[] {
  const window = env.SIGNIN_WINDOW_MINUTES;
  const rules: TThrottleRule[] = [
    {
      bucket: 'signin',
      key: `email:${email}`,
      max: env.SIGNIN_MAX_FAILURES_PER_EMAIL,
      windowMinutes: window,
    },
  ];
  if (ip)
    rules.push({
      bucket: 'signin',
      key: `ip:${ip}`,
      max: env.SIGNIN_MAX_FAILURES_PER_IP,
      windowMinutes: window,
    });
  return rules;
}

/**
 * Checks an e-mail + password pair. Unknown e-mail, wrong password and disabled user all give
 * the same answer and take the same time; every failure counts toward the per-e-mail and per-IP
 * throttle, which is checked before the password so a locked e-mail cannot be probed.
 * Only the right password for an address not yet confirmed gets `unverified`: that reveals
 * nothing to someone who does not already know the password.
 */
export async function verifyPasswordSignIn(input: {
  email: string;
  password: string;
  ip: string | null;
  now?: Date;
}): Promise<TPasswordSignInResult> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const rules = signInThrottleRules(email, input.ip);
  const decision = await checkThrottles(rules, now);
  if (!decision.allowed)
    return { ok: false, error: 'throttled', retryAfterMinutes: decision.retryAfterMinutes };

  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);

  let valid = false;
  if (user?.passwordHash) valid = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);

  if (!user || !valid || user.disabledAt) {
    await recordThrottleFailure(rules, now);
    return { ok: false, error: 'invalid' };
  }
  if (!user.emailVerifiedAt) return { ok: false, error: 'unverified' };
  await clearThrottle({ bucket: 'signin', key: `email:${email}` });
  return { ok: true, user: { id: user.id, role: user.role } };
}
