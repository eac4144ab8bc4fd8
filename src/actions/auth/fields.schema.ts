import { z } from 'zod';

/** Field rules shared by the auth forms. Error messages are message keys in `auth.errors`. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;

export const ZEmailField = z
  .string({ error: 'auth.errors.emailRequired' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'auth.errors.emailRequired', abort: true })
  .max(EMAIL_MAX_LENGTH, { error: 'auth.errors.emailTooLong', abort: true })
  .pipe(z.email({ error: 'auth.errors.emailInvalid' }));

/** A password being chosen: the length rules apply. */
export const ZNewPasswordField = z
  .string({ error: 'auth.errors.passwordRequired' })
  .min(1, { error: 'auth.errors.passwordRequired', abort: true })
  .min(PASSWORD_MIN_LENGTH, { error: 'auth.errors.passwordTooShort', abort: true })
  .max(PASSWORD_MAX_LENGTH, { error: 'auth.errors.passwordTooLong' });

/** A password being checked: only required and bounded (the rules may have changed since). */
export const ZCurrentPasswordField = z
  .string({ error: 'auth.errors.passwordRequired' })
  .min(1, { error: 'auth.errors.passwordRequired', abort: true })
  .max(PASSWORD_MAX_LENGTH, { error: 'auth.errors.passwordTooLong' });
