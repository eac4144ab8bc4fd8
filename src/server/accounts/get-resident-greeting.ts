import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { users } from '../db/schema';
import type { TActor } from '../auth/actor';

/** The name to greet the actor with on the dashboard. */
export async function getResidentGreeting(input: { actor: TActor }): Promise<{ name: string }> {
  const db = await getDb();
  const [user] = await db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, input.actor.userId))
    .limit(1);
  return { name: user?.name ?? '' };
}
