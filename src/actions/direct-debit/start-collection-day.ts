'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { PermissionError, requireStaff } from '@/server/auth';
import { startCollectionDay } from '@/server/direct-debit';
import { ZStartCollectionDaySchema } from './direct-debit.schema';

/** Staff "run the collection day now" (the daily job, queued at once). */
export async function startCollectionDayAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZStartCollectionDaySchema.safeParse({ day: formData.get('day') ?? '' });
  if (!parsed.success) redirect('/staff/direct-debit?runError=day');
  let result;
  try {
    result = await startCollectionDay({
      actor,
      ...(parsed.data.day ? { day: parsed.data.day } : {}),
    });
  } catch (error) {
    if (error instanceof PermissionError) pageNotFound();
    throw error;
  }
  if (!result.ok) redirect(`/staff/direct-debit?runError=${result.error}`);
  redirect(`/staff/direct-debit?queued=${result.day}`);
}
