'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { pageNotFound } from '@/lib/page-not-found';
import { PermissionError, requireStaff } from '@/server/auth';
import { createStaffUser } from '@/server/staff';
import { ZCreateStaffUserSchema } from './manage-staff.schema';

export async function createStaffUserAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireStaff();
  const parsed = parseFormData(ZCreateStaffUserSchema, formData);
  if (!parsed.ok) return parsed.state;
  let result;
  try {
    result = await createStaffUser({ actor, ...parsed.data });
  } catch (error) {
    if (error instanceof PermissionError) pageNotFound();
    throw error;
  }
  if (!result.ok)
    return {
      status: 'error',
      fieldErrors: { email: ['staff.users.errors.emailTaken'] },
      values: safeValues(formData),
    };
  redirect('/staff/users?done=created');
}
