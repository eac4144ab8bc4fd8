import { pageNotFound } from '@/lib/page-not-found';
import { PermissionError } from '@/server/auth';

/**
 * For `domainCall(…).catch(notFoundWithoutPermission)` in an action: a missing permission reads
 * as "not found", as the staff pages answer it; any other error goes on.
 */
export function notFoundWithoutPermission(error: unknown): never {
  if (error instanceof PermissionError) pageNotFound();
  throw error;
}
