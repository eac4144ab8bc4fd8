import type { ComponentPropsWithoutRef, ReactNode } from 'react';

/**
 * Form building blocks shared by every form. Plain server-renderable markup: labels tied to
 * inputs, errors tied by aria-describedby, the first field in error gets autoFocus so focus
 * lands there with or without JavaScript.
 */
type TFieldFrameProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** True for the first field in error. */
  focus?: boolean;
};

/** Label, hint and errors around one control, with the ids the control must point to. */
function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: Omit<TFieldFrameProps, 'focus'> & {
  children: (control: {
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
    invalid: boolean;
  }) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-muted text-sm">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-danger text-sm font-medium">
          {errors?.join(' ')}
        </p>
      ) : null}
      {children({
        'aria-invalid': errorId ? true : undefined,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
        invalid: Boolean(errorId),
      })}
    </div>
  );
}

const controlClass = (invalid: boolean) =>
  `block min-h-11 w-full max-w-md rounded-md border px-3 py-2 text-base ${invalid ? 'border-danger' : 'border-slate-400'}`;

export function Field({
  id,
  label,
  hint,
  errors,
  focus,
  ...input
}: TFieldFrameProps & ComponentPropsWithoutRef<'input'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {({ invalid, ...aria }) => (
        <input
          id={id}
          name={input.name ?? id}
          {...aria}
          autoFocus={focus}
          className={controlClass(invalid)}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  errors,
  focus,
  ...textarea
}: TFieldFrameProps & ComponentPropsWithoutRef<'textarea'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {({ invalid, ...aria }) => (
        <textarea
          id={id}
          name={textarea.name ?? id}
          {...aria}
          autoFocus={focus}
          className={`${controlClass(invalid)} font-mono`}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  focus,
  options,
  ...select
}: TFieldFrameProps & {
  options: readonly { value: string; label: string }[];
} & ComponentPropsWithoutRef<'select'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {({ invalid, ...aria }) => (
        <select
          id={id}
          name={select.name ?? id}
          {...aria}
          autoFocus={focus}
          className={controlClass(invalid)}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function SubmitButton({ children, ...props }: ComponentPropsWithoutRef<'button'>) {
  return (
    <button
      type="submit"
      className="bg-brand-600 hover:bg-brand-700 inline-flex min-h-12 items-center justify-center rounded-lg px-5 text-base font-semibold text-white disabled:opacity-60"
      {...props}
    >
      {children}
    </button>
  );
}

export function SecondaryButton({ children, ...props }: ComponentPropsWithoutRef<'button'>) {
  return (
    <button
      type="submit"
      className="border-brand-600 text-brand-700 hover:bg-brand-50 inline-flex min-h-11 items-center justify-center rounded-lg border-2 px-4 text-base font-semibold"
      {...props}
    >
      {children}
    </button>
  );
}

/** A form-level message. Errors are role="alert" so screen readers announce them. */
export function FormMessage({
  tone,
  children,
}: {
  tone: 'error' | 'success' | 'info';
  children: ReactNode;
}) {
  const styles = {
    error: 'border-danger bg-red-50 text-danger',
    success: 'border-success bg-green-50 text-success',
    info: 'border-brand-600 bg-brand-50 text-brand-800',
  }[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border-l-4 p-3 ${styles}`}
    >
      {children}
    </div>
  );
}

export function PageTitle({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-ink text-2xl font-bold">{children}</h1>
      {lead ? <p className="text-muted mt-1 max-w-prose">{lead}</p> : null}
    </div>
  );
}
