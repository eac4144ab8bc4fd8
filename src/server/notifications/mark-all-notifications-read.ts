import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { notifications } from '../db/schema';
import type { TActor } from '../auth/actor';

/** Marks every unread notification of the signed-in person as read; returns how many. */
export async function markAllNotificationsRead(input: { actor: TActor }): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, input.actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
