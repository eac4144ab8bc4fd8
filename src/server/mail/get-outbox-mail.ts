import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { mailOutbox } from '../db/schema';
import type { TOutboxMailSummary } from './list-outbox-mail';

export type TOutboxMail = TOutboxMailSummary & {
  text: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
};

/** One outbox message with its text body, for the development outbox page; null if none. */
export async function getOutboxMail(id: number): Promise<TOutboxMail | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      template: mailOutbox.template,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
      text: mailOutbox.textBody,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  return row ?? null;
}
