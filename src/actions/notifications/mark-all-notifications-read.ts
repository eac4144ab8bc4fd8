'use server';

import { redirect } from 'next/navigation';
import { requireUser } from '@/server/auth';
import { markAllNotificationsRead } from '@/server/notifications';

export async function markAllNotificationsReadAction(): Promise<void> {
  const actor = await requireUser();
  await markAllNotificationsRead({ actor });
  redirect('/inbox?read=all');
}
