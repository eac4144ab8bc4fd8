import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { mailOutbox } from '../db/schema';

export type TOutboxMailSummary = {
  id: number;
  to: string;
  subject: string;
  template: string;
  status: 'queued' | 'sent' | 'held' | 'failed';
  createdAt: Date;
};

/**
 * The latest outbox messages for the development outbox page, optionally for one recipient
 * (exact address, case-insensitive). Not for residents: the page is off in production.
 */
export async function listOutboxMail({
  to,
  limit = 50,
}: { to?: string; limit?: number } = {}): Promise<TOutboxMailSummary[]> {
  const db = await getDb();
  const recipient = to?.trim().toLowerCase();
  return db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      template: mailOutbox.template,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(recipient ? sql`lower(${mailOutbox.toAddress}) = ${recipient}` : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(Math.min(Math.max(limit, 1), 200));
}
