import 'server-only';
import { eq } from 'drizzle-orm';
import type { TLocale } from '@/lib/locale';
import { getDb } from '../db';
import { users } from '../db/schema';
import { notifyMailQueued, queueMail } from '../mail';
import { checkThrottles, recordThrottleFailure } from '../throttle';
import { authMailThrottleRules, PASSWORD_RESET_MINUTES } from './auth-limits';
import { composeAuthMail } from './compose-auth-mail';
import { issueEmailToken } from './issue-email-token';
import { normalizeEmail } from './normalize-email';

/**
 * Mails a password-reset link to a known, enabled address. Unknown address, disabled user and
 * throttled requests get no mail but the same answer, so the form reveals nothing.
 */
export async function requestPasswordReset(input: {
  email: string;
  ip: string | null;
  locale: TLocale;
  now?: Date;
}): Promise<{ ok: true }> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const rules = authMailThrottleRules(email, input.ip);
  const decision = await checkThrottles(rules, now);
  if (!decision.allowed) return { ok: true };
  await recordThrottleFailure(rules, now);

  const db = await getDb();
  const mailIds = await db.transaction(async (tx): Promise<number[]> => {
    const [user] = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (!user || user.disabledAt) return [];
    const token = await issueEmailToken(tx, {
      purpose: 'password_reset',
      email,
      userId: user.id,
      minutes: PASSWORD_RESET_MINUTES,
      now,
    });
    return queueMail(
      tx,
      composeAuthMail(email, input.locale, {
        template: 'auth.password_reset',
        token,
        minutes: PASSWORD_RESET_MINUTES,
      }),
    );
  });
  await notifyMailQueued(mailIds);
  return { ok: true };
}
