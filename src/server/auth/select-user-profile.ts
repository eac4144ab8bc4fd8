import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '../db';
import { users } from '../db/schema';

/**
 * The signed-in user's row as the request needs it. Cached per request, so the layout's
 * sign-in check and the page's greeting share one query. The unread inbox count rides along (a
 * sub-select on a partial index) so the header shows it without another round trip.
 */
export const selectUserProfile = cache(async (userId: string) => {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      sessionsValidAfter: users.sessionsValidAfter,
      // Written out in full: drizzle drops table names in a one-table select, and an
      // unqualified "id" inside the sub-select would mean notifications.id.
      unreadNotifications: sql<number>`(select count(*)::int from notifications n
        where n.user_id = "users"."id" and n.read_at is null)`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user ?? null;
});
