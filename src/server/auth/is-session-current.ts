import 'server-only';

/**
 * A session is void when it was issued before the user's "sign out everywhere" moment (a
 * password reset). JWT `iat` has whole seconds, so the moment is compared at that precision:
 * a sign-in in the same second as the reset stays valid.
 */
export function isSessionCurrent(
  issuedAtSeconds: number | undefined,
  validAfter: Date | null,
): boolean {
  if (!validAfter) return true;
  if (issuedAtSeconds === undefined) return false;
  return issuedAtSeconds >= Math.floor(validAfter.getTime() / 1000);
}
