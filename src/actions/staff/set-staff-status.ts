'use server';

import { notFound, redirect } from 'next/navigation';
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
    if (error instanceof PermissionError) notFound();
    throw error;
  }
  if (!result.ok) {
    if (result.error === 'not_found') notFound();
    redirect('/staff/users?error=lastAdmin');
  }
  redirect(`/staff/users?done=${parsed.data.disabled ? 'disabled' : 'enabled'}`);
}
