import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** Outgoing mail. Written in the same transaction as its cause; delivered by the mail job. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text(),
    /** Message template key, e.g. `auth.magic_link`, for filtering in the outbox page. */
    template: text().notNull(),
    status: text({ enum: ['queued', 'sent', 'held', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer().notNull().default(0),
    /**
     * When delivery may be tried next. Claiming a row pushes it forward (a lease, so two workers
     * never send one message); a failure pushes it by the retry backoff.
     */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_outbox_to_idx').on(t.toAddress, t.createdAt),
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
