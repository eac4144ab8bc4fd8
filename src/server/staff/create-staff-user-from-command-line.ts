import 'server-only';
import {
  insertStaffUser,
  type TCreateStaffUserResult,
  type TNewStaffUser,
} from './insert-staff-user';

/**
 * `npm run staff:create`: whoever can run commands on the server can already do anything, so
 * there is no actor to check; the audit row records that it came from the command line.
 */
export async function createStaffUserFromCommandLine(
  input: TNewStaffUser,
): Promise<TCreateStaffUserResult> {
  return insertStaffUser(null, input, 'cli');
}
