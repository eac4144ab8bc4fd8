'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireStaff } from '@/server/auth';
import { setStaffUserDisabled } from '@/server/staff';
import { ZSetStaffStatusSchema } from './manage-staff.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

export async function setStaffStatusAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZSetStaffStatusSchema.safeParse({
    userId: formData.get('userId'),
    disabled: formData.get('disabled'),
  });
  if (!parsed.success) redirect('/staff/users?error=invalid');
  const result = await setStaffUserDisabled({ actor, ...parsed.data }).catch(
    notFoundWithoutPermission,
  );
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    redirect('/staff/users?error=lastAdmin');
  }
  redirect(`/staff/users?done=${parsed.data.disabled ? 'disabled' : 'enabled'}`);
}
