import 'server-only';
import { eq } from 'drizzle-orm';
import type { TLocale } from '@/lib/locale';
import { getDb } from '../db';
import { users } from '../db/schema';
import { notifyMailQueued, queueMail } from '../mail';
import { checkThrottles, recordThrottleFailure } from '../throttle';
import {
  authMailThrottleRules,
  REGISTER_CONFIRM_MINUTES,
  SIGN_IN_LINK_MINUTES,
} from './auth-limits';
import { composeAuthMail } from './compose-auth-mail';
import { issueEmailToken } from './issue-email-token';
import { normalizeEmail } from './normalize-email';

/**
 * Mails a one-time sign-in link. The answer is the same whatever happens (unknown address,
 * throttled, disabled user), so the form reveals nothing about who has an account. An unknown
 * address gets a link too: following it creates the account (see consumeSignInLink).
 *
 * `confirm` asks for the registration wording when the address belongs to a user who has not
 * confirmed it yet (the "resend confirmation" button); otherwise the plain sign-in wording.
 */
export async function requestSignInLink(input: {
  email: string;
  ip: string | null;
  locale: TLocale;
  confirm?: boolean;
  /** A same-site path to open after signing in, already checked by the caller (safeNext). */
  next?: string | null;
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
      .select({
        id: users.id,
        name: users.name,
        disabledAt: users.disabledAt,
        emailVerifiedAt: users.emailVerifiedAt,
      })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (user?.disabledAt) return [];

    if (input.confirm && user && !user.emailVerifiedAt) {
      const token = await issueEmailToken(tx, {
        purpose: 'sign_in',
        email,
        userId: user.id,
        minutes: REGISTER_CONFIRM_MINUTES,
        now,
      });
      return queueMail(
        tx,
        composeAuthMail(email, input.locale, {
          template: 'auth.register_confirm',
          token,
          name: user.name,
          hours: REGISTER_CONFIRM_MINUTES / 60,
        }),
      );
    }
    const token = await issueEmailToken(tx, {
      purpose: 'sign_in',
      email,
      userId: user?.id ?? null,
      minutes: SIGN_IN_LINK_MINUTES,
      now,
    });
    return queueMail(
      tx,
      composeAuthMail(email, input.locale, {
        template: 'auth.sign_in_link',
        token,
        minutes: SIGN_IN_LINK_MINUTES,
        next: input.next,
      }),
    );
  });
  await notifyMailQueued(mailIds);
  return { ok: true };
}
