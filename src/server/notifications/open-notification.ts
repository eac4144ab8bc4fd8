import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { TLocale } from '@/lib/locale';
import { getDb } from '../db';
import { notifications } from '../db/schema';
import type { TActor } from '../auth/actor';
import { renderNotificationText } from './render-notification-text';
import type { TInboxItem } from './types';

/**
 * One of the person's own notifications, marked read as it is opened. Someone else's id, or
 * one that does not exist, gives null (the page answers "not found").
 */
export async function openNotification(input: {
  actor: TActor;
  locale: TLocale;
  notificationId: number;
}): Promise<TInboxItem | null> {
  const db = await getDb();
  const mine = and(
    eq(notifications.id, input.notificationId),
    eq(notifications.userId, input.actor.userId),
  );
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine, isNull(notifications.readAt)));
  const [row] = await db.select().from(notifications).where(mine).limit(1);
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    title: renderNotificationText(input.locale, row.title),
    body: row.body ? renderNotificationText(input.locale, row.body) : null,
    link: row.link,
    read: true,
    createdAt: row.createdAt,
  };
}
