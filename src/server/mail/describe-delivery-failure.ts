import 'server-only';

/**
 * A short, secret-free note of why a delivery failed, kept in mail_outbox.last_error for
 * staff. Credentials in URLs are cut out and the text is capped.
 */
export function describeDeliveryFailure(error: unknown): string {
  const details = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
  };
  const code = typeof details.code === 'string' ? details.code : null;
  const responseCode =
    typeof details.responseCode === 'number' ? String(details.responseCode) : null;
  const message = error instanceof Error ? error.message : 'unknown error';
  const redacted = message
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@')
    .replace(/\s+/g, ' ')
    .trim();
  return [code, responseCode, redacted].filter(Boolean).join(' ').slice(0, 200);
}
