import 'server-only';

export { STAFF_ROLES, type TStaffRole } from './staff-roles';
export {
  searchServiceAccounts,
  STAFF_SEARCH_PAGE_SIZE,
  type TStaffAccountHit,
  type TStaffAccountSearch,
} from './search-service-accounts';
export { viewServiceAccount, type TStaffAccountView } from './view-service-account';
export { listStaffUsers, type TStaffUser } from './list-staff-users';
export { createStaffUser } from './create-staff-user';
export { createStaffUserFromCommandLine } from './create-staff-user-from-command-line';
export type { TCreateStaffUserResult, TNewStaffUser } from './insert-staff-user';
export { changeStaffRole, type TStaffChangeResult } from './change-staff-role';
export { setStaffUserDisabled } from './set-staff-user-disabled';
