import { timestamp } from 'drizzle-orm/pg-core';

/** Columns shared by most tables. Timestamps are always with time zone. */
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
