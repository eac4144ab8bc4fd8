/**
 * Where to go after signing in: only a relative path on this site. Anything else (another
 * origin, `//evil.example`, backslash tricks, control characters) is dropped, and the caller
 * falls back to the signed-in landing page.
 */
export function safeNext(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  const base = 'http://wanjia.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Picks the role's home page (staff desk or the resident dashboard). */
export const SIGNED_IN_LANDING = '/signed-in';
