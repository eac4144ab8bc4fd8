'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { PermissionError, requireStaff } from '@/server/auth';
import { setStaffUserDisabled } from '@/server/staff';
import { ZSetStaffStatusSchema } from './manage-staff.schema';

export async function setStaffStatusAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZSetStaffStatusSchema.safeParse({
    userId: formData.get('userId'),
    disabled: formData.get('disabled'),
  });
  if (!parsed.success) redirect('/staff/users?error=invalid');
  let result;
  try {
    result = await setStaffUserDisabled({ actor, ...parsed.data });
  } catch (error) {
    if (error instanceof PermissionError) pageNotFound();
    throw error;
  }
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    redirect('/staff/users?error=lastAdmin');
  }
  redirect(`/staff/users?done=${parsed.data.disabled ? 'disabled' : 'enabled'}`);
}
