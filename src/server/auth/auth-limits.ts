import 'server-only';
import type { TThrottleRule } from '../throttle';

/** How long an e-mailed link stays valid. */
export const SIGN_IN_LINK_MINUTES = 15;
/** A registration confirmation may sit in an inbox for a day before it is opened. */
export const REGISTER_CONFIRM_MINUTES = 24 * 60;
export const PASSWORD_RESET_MINUTES = 30;

/**
 * Outgoing auth mail (links, resets, registration notices) per address and per IP. Every
 * request counts, successful or not, so the form cannot be used to flood someone's inbox.
 */
export function authMailThrottleRules(email: string, ip: string | null): TThrottleRule[] {
  const rules: TThrottleRule[] = [
    { bucket: 'auth_mail', key: `email:${email}`, max: 5, windowMinutes: 60 },
  ];
  if (ip) rules.push({ bucket: 'auth_mail', key: `ip:${ip}`, max: 20, windowMinutes: 60 });
  return rules;
}
