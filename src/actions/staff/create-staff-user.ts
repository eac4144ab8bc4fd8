'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { requireStaff } from '@/server/auth';
import { createStaffUser } from '@/server/staff';
import { ZCreateStaffUserSchema } from './manage-staff.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

export async function createStaffUserAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireStaff();
  const parsed = parseFormData(ZCreateStaffUserSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await createStaffUser({ actor, ...parsed.data }).catch(notFoundWithoutPermission);
  if (!result.ok)
    return {
      status: 'error',
      fieldErrors: { email: ['staff.users.errors.emailTaken'] },
      values: safeValues(formData),
    };
  redirect('/staff/users?done=created');
}
