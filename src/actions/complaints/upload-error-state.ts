import type { TFormState } from '@/actions/form-state';

/** The field error for a refused attachment set, with the values for its message. */
export function uploadErrorState(
  result: { upload: string; fileName?: string; limit: number },
  values: Record<string, string>,
): TFormState {
  return {
    status: 'error',
    fieldErrors: { attachments: [`complaints.errors.attachments.${result.upload}`] },
    messageValues: { name: result.fileName ?? '', limit: result.limit },
    values,
  };
}
