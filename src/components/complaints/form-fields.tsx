import type { ComponentPropsWithoutRef } from 'react';

/** A labelled textarea with hint and errors tied by aria-describedby (same frame as Field). */
export function TextAreaField({
  id,
  label,
  hint,
  errors,
  focus,
  ...textarea
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  focus?: boolean;
} & ComponentPropsWithoutRef<'textarea'>) {
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
      <textarea
        id={id}
        name={textarea.name ?? id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        autoFocus={focus}
        className={`block w-full max-w-2xl rounded-md border px-3 py-2 text-base ${errorId ? 'border-danger' : 'border-slate-400'}`}
        {...textarea}
      />
    </div>
  );
}

/** Up to N photos or PDFs in one multiple file input (the server checks count, size, type). */
export function AttachmentsField({
  label,
  hint,
  errors,
  focus,
}: {
  label: string;
  hint: string;
  errors?: string[];
  focus?: boolean;
}) {
  const errorId = errors?.length ? 'attachments-error' : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor="attachments" className="block font-medium">
        {label}
      </label>
      <p id="attachments-hint" className="text-muted text-sm">
        {hint}
      </p>
      {errorId ? (
        <p id={errorId} className="text-danger text-sm font-medium">
          {errors?.join(' ')}
        </p>
      ) : null}
      <input
        id="attachments"
        name="attachments"
        type="file"
        multiple
        accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
        autoFocus={focus}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={['attachments-hint', errorId].filter(Boolean).join(' ')}
        className="block min-h-11 w-full max-w-md rounded-md border border-slate-400 px-3 py-2 text-base"
      />
    </div>
  );
}
