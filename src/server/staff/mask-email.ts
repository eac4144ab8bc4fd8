import 'server-only';

/**
 * Enough of an e-mail address for staff to recognise it on the phone, not enough to copy it:
 * "zhang.wei@example.com" → "zh•••••@example.com".
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  const local = email.slice(0, at);
  const visible = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${visible}${'•'.repeat(Math.max(3, local.length - visible.length))}${email.slice(at)}`;
}
