import { SecondaryButton } from '@/components/ui/form';
import { TextAreaField } from '@/components/complaints/form-fields';

/**
 * A notice action that needs a reason (cancel, withdraw): one textarea and a button, posted to
 * a server action without JavaScript. The error (from the redirect back) sits under the label
 * and takes focus.
 */
export function ReasonForm({
  action,
  noticeId,
  name,
  label,
  hint,
  error,
  submit,
  className = 'space-y-3',
}: {
  action: (formData: FormData) => Promise<void>;
  noticeId: number;
  name: string;
  label: string;
  hint?: string;
  error: string | null;
  submit: string;
  className?: string;
}) {
  return (
    <form action={action} className={className}>
      <input type="hidden" name="noticeId" value={noticeId} />
      <TextAreaField
        id={name}
        label={label}
        hint={hint}
        errors={error ? [error] : undefined}
        focus={Boolean(error)}
        rows={2}
        maxLength={500}
        required
      />
      <SecondaryButton>{submit}</SecondaryButton>
    </form>
  );
}
