import 'server-only';
import { and, inArray, isNull } from 'drizzle-orm';
import { toLocale } from '@/lib/locale';
import { notifications, users } from '../db/schema';
import type { TDb } from '../db';
import { queueMail, type TOutgoingMail } from '../mail';
import { composeNotificationMail } from './compose-notification-mail';
import type { TNewNotification } from './types';

type TExecutor = Pick<TDb, 'insert' | 'select'>;

/** Rows per INSERT: keeps a notice to a whole district within PostgreSQL's parameter limit. */
const CHUNK = 2_000;

/**
 * Puts notifications in people's inboxes and queues the matching e-mails, inside the caller's
 * transaction: they exist if and only if their cause committed. A notification whose
 * (person, dedupeKey) was already sent is skipped, mail included, so a job may run twice.
 *
 * Returns the outbox ids: pass them to `notifyMailQueued` after commit.
 */
export async function notifyUsers(
  tx: TExecutor,
  items: readonly TNewNotification[],
): Promise<number[]> {
  const mailIds: number[] = [];
  const withMail = items.filter((n) => n.mail !== false);
  const withoutMail = items.filter((n) => n.mail === false);
  for (let start = 0; start < withoutMail.length; start += CHUNK) {
    await insertNotifications(tx, withoutMail.slice(start, start + CHUNK));
  }
  for (let start = 0; start < withMail.length; start += CHUNK) {
    const inserted = await insertNotifications(tx, withMail.slice(start, start + CHUNK));
    if (inserted.length === 0) continue;
    const recipients = await tx
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(
        and(
          inArray(users.id, [...new Set(inserted.map((r) => r.userId))]),
          isNull(users.disabledAt),
        ),
      );
    const byId = new Map(recipients.map((u) => [u.id, u]));
    const mail: TOutgoingMail[] = [];
    for (const row of inserted) {
      const user = byId.get(row.userId);
      if (user) mail.push(composeNotificationMail(user.email, toLocale(user.locale), row));
    }
    mailIds.push(...(await queueMail(tx, ...mail)));
  }
  return mailIds;
}

function insertNotifications(tx: TExecutor, chunk: readonly TNewNotification[]) {
  return tx
    .insert(notifications)
    .values(
      chunk.map((n) => ({
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        link: n.link ?? null,
        dedupeKey: n.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
    });
}
