import 'server-only';

export { auth, handlers, signIn, signOut, ThrottledSignIn, UnverifiedSignIn } from './auth-config';
export { getActor, requireUser, requireStaff } from './require-user';
export { requirePermission } from './require-permission';
export {
  assertCan,
  can,
  isStaffRole,
  PermissionError,
  ROLE_PERMISSIONS,
  type TPermission,
} from './permissions';
export type { TActor } from './actor';
export { clientIpFrom } from './client-ip';
export { readSignInRefusal, type TSignInRefusal } from './read-sign-in-refusal';
export { normalizeEmail } from './normalize-email';
export { registerUser } from './register-user';
export { verifyPasswordSignIn, type TPasswordSignInResult } from './verify-password-sign-in';
export { requestSignInLink } from './request-sign-in-link';
export { consumeSignInLink } from './consume-sign-in-link';
export { checkEmailToken } from './check-email-token';
export { requestPasswordReset } from './request-password-reset';
export { resetPassword, type TResetPasswordResult } from './reset-password';
