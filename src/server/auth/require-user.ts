import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { cache } from 'react';
import { readSession } from './read-session';
import { selectUserProfile } from './select-user-profile';
import { clientIpFrom } from './client-ip';
import { isStaffRole } from './permissions';
import type { TActor } from './actor';
import { isSessionCurrent } from './is-session-current';

/**
 * The signed-in person, re-read from the database on every request: a disabled user or a
 * changed role takes effect at once, whatever the session cookie says. Null when signed out.
 */
export const getActor = cache(async (): Promise<TActor | null> => {
  const session = await readSession();
  if (!session) return null;
  const { userId } = session;
  const user = await selectUserProfile(userId);
  if (!user || user.disabledAt) return null;
  if (!isSessionCurrent(session.issuedAt, user.sessionsValidAfter)) return null;
  return { userId: user.id, role: user.role, ip: clientIpFrom(await headers()) };
});

/** For pages and actions that need a signed-in user: otherwise go to sign-in. */
export async function requireUser(): Promise<TActor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  return actor;
}

/** For the /staff area: residents get "not found", as if the area did not exist. */
export async function requireStaff(): Promise<TActor> {
  const actor = await requireUser();
  if (!isStaffRole(actor.role)) pageNotFound();
  return actor;
}
