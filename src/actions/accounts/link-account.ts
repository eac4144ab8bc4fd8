'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { requireUser } from '@/server/auth';
import { linkServiceAccount } from '@/server/accounts';
import { ZLinkAccountSchema } from './link-account.schema';

export async function linkAccountAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireUser();
  const parsed = parseFormData(ZLinkAccountSchema, formData);
  if (!parsed.ok) return parsed.state;

  const result = await linkServiceAccount({ actor, ...parsed.data });
  if (result.ok) redirect(`/dashboard?linked=${result.accountId}`);
  if (result.error === 'throttled')
    return {
      status: 'error',
      message: 'accounts.link.errors.throttled',
      messageValues: { minutes: result.retryAfterMinutes },
      values: safeValues(formData),
    };
  return {
    status: 'error',
    message: 'accounts.link.errors.invalid',
    values: safeValues(formData),
  };
}
