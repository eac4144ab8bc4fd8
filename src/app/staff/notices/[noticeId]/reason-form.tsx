import { SecondaryButton } from '@/components/ui/form';

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
  const hintId = hint ? `${name}-hint` : null;
  const errorId = error ? `${name}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <form action={action} className={className}>
      <input type="hidden" name="noticeId" value={noticeId} />
      <div className="space-y-1">
        <label htmlFor={name} className="block font-medium">
          {label}
        </label>
        {hintId ? (
          <p id={hintId} className="text-muted text-sm">
            {hint}
          </p>
        ) : null}
        {errorId ? (
          <p id={errorId} className="text-danger text-sm font-medium">
            {error}
          </p>
        ) : null}
        <textarea
          id={name}
          name={name}
          rows={2}
          maxLength={500}
          required
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy}
          autoFocus={Boolean(errorId)}
          className="block w-full max-w-2xl rounded-md border border-slate-400 px-3 py-2 text-base"
        />
      </div>
      <SecondaryButton>{submit}</SecondaryButton>
    </form>
  );
}
