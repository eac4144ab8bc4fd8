/**
 * The officer's "the household agreed" checkbox, with its error tied to it. Plain markup, so the
 * server-rendered form and the client form (useActionState) share it.
 */
export function ConsentCheckbox({
  errorId,
  label,
  error,
  focus,
  checked = false,
}: {
  errorId: string;
  label: string;
  error?: string;
  focus: boolean;
  /** Ticked already (a form shown again after another field's error). */
  checked?: boolean;
}) {
  return (
    <div className="space-y-1">
      {error ? (
        <p id={errorId} className="text-danger text-sm font-medium">
          {error}
        </p>
      ) : null}
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name="consentConfirmed"
          value="yes"
          required
          defaultChecked={checked}
          autoFocus={focus}
          aria-describedby={error ? errorId : undefined}
          className="size-5"
        />
        {label}
      </label>
    </div>
  );
}
