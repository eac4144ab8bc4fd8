import 'server-only';
import { eq } from 'drizzle-orm';
import type { TLocale } from '@/lib/locale';
import { writeAudit } from '../audit';
import { getDb } from '../db';
import { users } from '../db/schema';
import { notifyMailQueued, queueMail } from '../mail';
import { checkThrottles, recordThrottleFailure } from '../throttle';
import { authMailThrottleRules, REGISTER_CONFIRM_MINUTES } from './auth-limits';
import { composeAuthMail } from './compose-auth-mail';
import { issueEmailToken } from './issue-email-token';
import { normalizeEmail } from './normalize-email';
import { hashPassword } from './password';

/**
 * Registers a resident. The caller shows the same "check your inbox" answer whatever happens:
 * - a new address gets an unconfirmed user and a confirmation link;
 * - a known address gets no second user, only a mail telling its owner they already have an
 *   account (sign in or reset the password).
 * The password is hashed in both cases so the response time does not tell them apart either.
 * Input is expected to be validated already (ZRegisterSchema).
 */
export async function registerUser(input: {
  name: string;
  email: string;
  password: string;
  locale: TLocale;
  ip: string | null;
  now?: Date;
}): Promise<{ ok: true }> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const rules = authMailThrottleRules(email, input.ip);
  const mailAllowed = (await checkThrottles(rules, now)).allowed;

  const db = await getDb();
  const mailIds = await db.transaction(async (tx): Promise<number[]> => {
    const [created] = await tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        passwordHash,
        locale: input.locale,
        emailVerifiedAt: null,
        createdAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, role: users.role, name: users.name });

    if (created) {
      await writeAudit(
        tx,
        { userId: created.id, role: created.role, ip: input.ip },
        { action: 'auth.registered', subjectType: 'user', subjectId: created.id },
      );
      // The first confirmation always goes out; only repeats are throttled.
      const token = await issueEmailToken(tx, {
        purpose: 'sign_in',
        email,
        userId: created.id,
        minutes: REGISTER_CONFIRM_MINUTES,
        now,
      });
      return queueMail(
        tx,
        composeAuthMail(email, input.locale, {
          template: 'auth.register_confirm',
          token,
          name: created.name,
          hours: REGISTER_CONFIRM_MINUTES / 60,
        }),
      );
    }

    if (!mailAllowed) return [];
    const [existing] = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (!existing || existing.disabledAt) return [];
    return queueMail(
      tx,
      composeAuthMail(email, input.locale, { template: 'auth.register_existing' }),
    );
  });
  if (mailIds.length > 0) {
    await recordThrottleFailure(rules, now);
    await notifyMailQueued(mailIds);
  }
  return { ok: true };
}
