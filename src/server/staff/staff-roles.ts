import 'server-only';
import type { TRole } from '../db/schema';

/** Roles a staff account can hold (everyone but residents), least to most powerful. */
export const STAFF_ROLES = [
  'agent',
  'billing',
  'reviewer',
  'supervisor',
  'admin',
] as const satisfies readonly TRole[];
export type TStaffRole = (typeof STAFF_ROLES)[number];
