import 'server-only';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A key is 1–8 safe path segments; nothing that could climb out of the store (`..`, `/x`). */
export function assertFileKey(key: string): void {
  const segments = key.split('/');
  const ok =
    segments.length >= 1 &&
    segments.length <= 8 &&
    segments.every((s) => SEGMENT.test(s) && !s.includes('..'));
  if (!ok) throw new Error(`Invalid file-store key: ${JSON.stringify(key)}`);
}
