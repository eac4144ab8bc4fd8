'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { PermissionError, requireStaff } from '@/server/auth';
import { changeStaffRole } from '@/server/staff';
import { ZChangeStaffRoleSchema } from './manage-staff.schema';

export async function changeStaffRoleAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZChangeStaffRoleSchema.safeParse({
    userId: formData.get('userId'),
    role: formData.get('role'),
  });
  if (!parsed.success) redirect('/staff/users?error=invalid');
  let result;
  try {
    result = await changeStaffRole({ actor, ...parsed.data });
  } catch (error) {
    if (error instanceof PermissionError) pageNotFound();
    throw error;
  }
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    redirect('/staff/users?error=lastAdmin');
  }
  redirect('/staff/users?done=roleChanged');
}
