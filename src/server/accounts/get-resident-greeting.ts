import 'server-only';
import { selectUserProfile } from '../auth/select-user-profile';
import type { TActor } from '../auth/actor';

/** The name to greet the actor with on the dashboard (the request's cached user row). */
export async function getResidentGreeting(input: { actor: TActor }): Promise<{ name: string }> {
  const user = await selectUserProfile(input.actor.userId);
  return { name: user?.name ?? '' };
}
