import 'server-only';
import { selectUserProfile } from '../auth/select-user-profile';
import type { TActor } from '../auth/actor';

/**
 * The unread count for the header. It rides on the per-request user profile query (a
 * sub-select on a partial index), so showing it on every page costs no extra round trip.
 */
export async function countUnreadNotifications(actor: TActor): Promise<number> {
  const profile = await selectUserProfile(actor.userId);
  return profile?.unreadNotifications ?? 0;
}
