import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { TLocale } from '@/lib/locale';
import { getDb } from '../db';
import { notifications } from '../db/schema';
import type { TActor } from '../auth/actor';
import { renderNotificationText } from './render-notification-text';
import type { TInboxItem } from './types';

export const INBOX_PAGE_SIZE = 20;

/**
 * The signed-in person's inbox, newest first, a page at a time (`before` = the last id seen).
 * Texts are rendered in the reader's language now, not when the notification was stored.
 */
export async function listNotifications(input: {
  actor: TActor;
  locale: TLocale;
  before?: number;
}): Promise<{ items: TInboxItem[]; nextBefore: number | null }> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, input.actor.userId),
        input.before ? lt(notifications.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(INBOX_PAGE_SIZE + 1);
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: renderNotificationText(input.locale, row.title),
      body: row.body ? renderNotificationText(input.locale, row.body) : null,
      link: row.link,
      read: row.readAt !== null,
      createdAt: row.createdAt,
    })),
    nextBefore: rows.length > INBOX_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
