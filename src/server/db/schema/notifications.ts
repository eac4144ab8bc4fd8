import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** A message value: plain text or number, or a date the reader's locale formats. */
export type TNotificationValue = string | number | { date: string };

/** A translatable text: a message key plus values, rendered in the reader's language. */
export type TNotificationText = { key: string; values?: Record<string, TNotificationValue> };

/**
 * The in-app inbox. Stored as message keys, not text, so a notification reads in whichever
 * language the person uses when they open it. `dedupeKey` makes a job's notification happen
 * once per person however often the job runs (e.g. `notice:42`, `grant:7:expires-30`).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text().notNull(),
    /** What it is about, e.g. `complaint.reply`, `notice.published`; used for filtering. */
    kind: text().notNull(),
    title: jsonb().$type<TNotificationText>().notNull(),
    body: jsonb().$type<TNotificationText>(),
    /** Where "view" leads, an app path such as `/complaints/12`. */
    link: text(),
    dedupeKey: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
  ],
);
