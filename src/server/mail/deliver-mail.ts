import 'server-only';
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { env } from '@/env';
import { getDb } from '../db';
import { mailOutbox } from '../db/schema';
import { describeDeliveryFailure } from './describe-delivery-failure';
import { getMailTransport, type TMailTransport } from './mail-transport';

/** Tries per message before it is marked 'failed'. */
export const MAIL_MAX_ATTEMPTS = 5;
/** How long a claimed message is reserved for the worker sending it. */
const CLAIM_LEASE_SECONDS = 300;

/** Wait before the next try after `attempts` failed tries: 30 s, 1 min, 2 min, 4 min. */
export function retryDelaySeconds(attempts: number): number {
  return 30 * 2 ** Math.max(0, attempts - 1);
}

export type TDeliverMailOptions = {
  /** Only these outbox rows (a nudge after queueMail); otherwise any due row (the sweeper). */
  ids?: readonly number[];
  /** Only rows queued at least this long ago (the sweeper leaves fresh rows to their nudge). */
  olderThanSeconds?: number;
  /** Rows per pass. */
  limit?: number;
  /** Defaults to SMTP from SMTP_URL; null means no mail server: messages are held. */
  transport?: TMailTransport | null;
};

export type TDeliveryReport = {
  sent: number[];
  held: number[];
  failed: number[];
  /** Failed this time, tried again later. */
  retrying: { id: number; retryInSeconds: number }[];
};

/**
 * One delivery pass over due outbox rows. Each row is claimed with a single UPDATE … WHERE
 * status = 'queued' AND next_attempt_at <= now() (rows locked by another pass are skipped), so
 * two workers never send one message twice. Without a mail server the rows are marked 'held'
 * and stay readable at /dev/outbox.
 */
export async function deliverMail(options: TDeliverMailOptions = {}): Promise<TDeliveryReport> {
  const report: TDeliveryReport = { sent: [], held: [], failed: [], retrying: [] };
  if (options.ids?.length === 0) return report;
  const db = await getDb();
  const transport = options.transport === undefined ? getMailTransport() : options.transport;
  const limit = options.limit ?? 50;

  const dueConditions: SQL[] = [
    eq(mailOutbox.status, 'queued'),
    lte(mailOutbox.nextAttemptAt, sql`now()`),
  ];
  if (options.ids) dueConditions.push(inArray(mailOutbox.id, [...options.ids]));
  if (options.olderThanSeconds !== undefined) {
    dueConditions.push(
      lte(
        mailOutbox.createdAt,
        sql`now() - make_interval(secs => ${options.olderThanSeconds}::int)`,
      ),
    );
  }
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(...dueConditions))
    .orderBy(mailOutbox.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  // The outer conditions are re-checked after the row lock, so a row another pass claimed in
  // the meantime is left alone.
  const claimWhere = and(inArray(mailOutbox.id, due), ...dueConditions.slice(0, 2));

  if (!transport) {
    const held = await db
      .update(mailOutbox)
      .set({ status: 'held' })
      .where(claimWhere)
      .returning({ id: mailOutbox.id });
    report.held = held.map((r) => r.id).sort((a, b) => a - b);
    if (held.length > 0 && env.NODE_ENV === 'production') {
      console.warn(
        `[mail] ${held.length} message(s) held: SMTP_URL is not set, so no mail leaves this server.`,
      );
    }
    return report;
  }

  const claimed = await db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${CLAIM_LEASE_SECONDS}::int)`,
    })
    .where(claimWhere)
    .returning({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      text: mailOutbox.textBody,
      html: mailOutbox.htmlBody,
      attempts: mailOutbox.attempts,
    });
  claimed.sort((a, b) => a.id - b.id);

  for (const message of claimed) {
    try {
      await transport.send({
        from: env.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
        .where(eq(mailOutbox.id, message.id));
      report.sent.push(message.id);
    } catch (error) {
      const lastError = describeDeliveryFailure(error);
      if (message.attempts >= MAIL_MAX_ATTEMPTS) {
        await db
          .update(mailOutbox)
          .set({ status: 'failed', lastError })
          .where(eq(mailOutbox.id, message.id));
        report.failed.push(message.id);
        console.error(
          `[mail] message ${message.id} failed after ${message.attempts} attempts: ${lastError}`,
        );
      } else {
        const retryInSeconds = retryDelaySeconds(message.attempts);
        await db
          .update(mailOutbox)
          .set({
            lastError,
            nextAttemptAt: sql`now() + make_interval(secs => ${retryInSeconds}::int)`,
          })
          .where(eq(mailOutbox.id, message.id));
        report.retrying.push({ id: message.id, retryInSeconds });
      }
    }
  }
  return report;
}
