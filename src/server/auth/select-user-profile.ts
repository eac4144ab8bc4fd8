import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '../db';
import { prepared } from '../db/prepared';
import { users } from '../db/schema';

/**
 * The signed-in user's row as the request needs it. Cached per request, so the layout's
 * sign-in check and the page's greeting share one query. The unread inbox count rides along (a
 * sub-select on a partial index) so the header shows it without another round trip.
 */
export const selectUserProfile = cache(async (userId: string) => {
  const [user] = await prepared(await getDb(), 'user-profile', (db) =>
    db
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
      .where(eq(users.id, sql.placeholder('userId')))
      .limit(1)
      .prepare('user-profile'),
  ).execute({ userId });
  return user ?? null;
});
