import { redirect } from 'next/navigation';
import { getActor, isStaffRole } from '@/server/auth';

/** After signing in without a `next`: staff go to their desk, residents to their accounts. */
export default async function SignedInPage() {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  redirect(isStaffRole(actor.role) ? '/staff' : '/dashboard');
}
