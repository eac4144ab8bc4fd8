import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/env';

/** How long a verified account number + code lets a guest pay without typing them again. */
export const GUEST_PAY_TICKET_MINUTES = 15;

function sign(body: string): string {
  return createHmac('sha256', authSecret).update(`guest-pay:${body}`).digest('base64url');
}

/**
 * After a guest proved they hold a bill (account number + code), a short-lived signed ticket
 * naming the account, kept in an httpOnly cookie, lets the next page show the amount and start
 * the payment without putting the account in the address bar.
 */
export function issueGuestPayTicket(accountId: number, now = Date.now()): string {
  const body = `${accountId}.${now + GUEST_PAY_TICKET_MINUTES * 60_000}`;
  return `${body}.${sign(body)}`;
}

export function readGuestPayTicket(ticket: string | undefined, now = Date.now()): number | null {
  if (!ticket) return null;
  const parts = ticket.split('.');
  if (parts.length !== 3) return null;
  const [account, expires, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${account}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (!(Number(expires) > now)) return null;
  const accountId = Number(account);
  return Number.isSafeInteger(accountId) && accountId > 0 ? accountId : null;
}
