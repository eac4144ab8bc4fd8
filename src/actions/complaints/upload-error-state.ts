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

/**
 * The chosen files of a form. An empty file input still posts an empty part — named "" by a
 * plain browser POST, but "undefined" when React submits the form with JavaScript — so
 * zero-byte parts are dropped here rather than reported as an empty file.
 */
export function chosenFiles(formData: FormData, name = 'attachments'): File[] {
  return formData
    .getAll(name)
    .filter((entry): entry is File => typeof entry !== 'string' && entry.size > 0);
}
