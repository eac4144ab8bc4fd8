'use server';

import { redirect } from 'next/navigation';
import { requireStaff } from '@/server/auth';
import { startCollectionDay } from '@/server/direct-debit';
import { ZStartCollectionDaySchema } from './direct-debit.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

/** Staff "run the collection day now" (the daily job, queued at once). */
export async function startCollectionDayAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZStartCollectionDaySchema.safeParse({ day: formData.get('day') ?? '' });
  if (!parsed.success) redirect('/staff/direct-debit?runError=day');
  const result = await startCollectionDay({
    actor,
    ...(parsed.data.day ? { day: parsed.data.day } : {}),
  }).catch(notFoundWithoutPermission);
  if (!result.ok) redirect(`/staff/direct-debit?runError=${result.error}`);
  redirect(`/staff/direct-debit?queued=${result.day}`);
}
