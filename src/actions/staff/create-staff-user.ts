'use server';

import { notFound, redirect } from 'next/navigation';
import { fieldErrorsFrom, safeValues, type TFormState } from '@/actions/form-state';
import { PermissionError, requireStaff } from '@/server/auth';
import { createStaffUser } from '@/server/staff';
import { ZCreateStaffUserSchema } from './manage-staff.schema';

export async function createStaffUserAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireStaff();
  const parsed = ZCreateStaffUserSchema.safeParse({
    email: formData.get('email') ?? '',
    name: formData.get('name') ?? '',
    role: formData.get('role') ?? '',
    department: formData.get('department') ?? '',
    password: formData.get('password') ?? '',
  });
  if (!parsed.success)
    return {
      status: 'error',
      fieldErrors: fieldErrorsFrom(parsed.error),
      values: safeValues(formData),
    };
  let result;
  try {
    result = await createStaffUser({ actor, ...parsed.data });
  } catch (error) {
    if (error instanceof PermissionError) notFound();
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
