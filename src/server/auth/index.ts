import 'server-only';

export { auth, handlers, signIn, signOut, ThrottledSignIn } from './auth-config';
export { getActor, requireUser, requireStaff } from './require-user';
export { assertCan, can, isStaffRole, PermissionError, type TPermission } from './permissions';
export type { TActor } from './actor';
