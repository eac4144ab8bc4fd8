'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireStaff } from '@/server/auth';
import { changeStaffRole } from '@/server/staff';
import { ZChangeStaffRoleSchema } from './manage-staff.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

export async function changeStaffRoleAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZChangeStaffRoleSchema.safeParse({
    userId: formData.get('userId'),
    role: formData.get('role'),
  });
  if (!parsed.success) redirect('/staff/users?error=invalid');
  const result = await changeStaffRole({ actor, ...parsed.data }).catch(notFoundWithoutPermission);
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    redirect('/staff/users?error=lastAdmin');
  }
  redirect('/staff/users?done=roleChanged');
}
