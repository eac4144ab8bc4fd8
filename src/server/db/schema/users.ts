import { index, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

export const ROLES = ['resident', 'agent', 'billing', 'reviewer', 'supervisor', 'admin'] as const;
export type TRole = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);

export const users = pgTable(
  'users',
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Always stored lower-cased and trimmed. */
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id PHC string; null for users who only sign in by e-mail link. */
    passwordHash: text(),
    role: roleEnum().notNull().default('resident'),
    /** Staff department (complaints routing); null for residents. */
    department: text(),
    locale: text().notNull().default('zh-CN'),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    /** Sessions issued before this moment are void (set by a password reset: "sign out everywhere"). */
    sessionsValidAfter: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_role_idx').on(t.role)],
);

/**
 * One-time tokens sent by e-mail: sign-in links and password resets. Only the SHA-256 of the
 * token is stored, so a database leak does not leak working links.
 */
export const emailTokens = pgTable(
  'email_tokens',
  {
    tokenHash: text().primaryKey(),
    purpose: text({ enum: ['sign_in', 'password_reset'] }).notNull(),
    email: text().notNull(),
    userId: text().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('email_tokens_email_idx').on(t.email, t.purpose)],
);

/**
 * Throttle events (failed sign-ins per e-mail / per IP, wrong account-link codes per user).
 * A key is e.g. `email:ann@example.com`, `ip:10.0.0.1`, `link:<userId>`.
 */
export const throttleEvents = pgTable(
  'throttle_events',
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    bucket: text().notNull(),
    key: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('throttle_events_lookup_idx').on(t.bucket, t.key, t.occurredAt)],
);
