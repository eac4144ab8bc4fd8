import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/env';

export type TReceipt = { reference: string; answerDueAt: Date; mailed: boolean };

function mac(payload: string): string {
  return createHmac('sha256', authSecret)
    .update(`complaint-receipt:${payload}`)
    .digest('base64url');
}

/**
 * The acknowledgement of an anonymous report travels in the redirect URL, signed, so the
 * receipt page can show the reference and deadline without a session and without letting
 * anyone look reports up by number.
 */
export function signReceipt(reference: string, answerDueAt: Date, mailed: boolean): string {
  const payload = `${reference}.${answerDueAt.getTime()}.${mailed ? 1 : 0}`;
  return `${payload}.${mac(payload)}`;
}

export function verifyReceipt(token: string | undefined): TReceipt | null {
  if (!token) return null;
  const match = /^(WJ-\d{4}-\d{6})\.(\d{1,15})\.([01])\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, reference, due, mailed, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(mac(`${reference}.${due}.${mailed}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { reference, answerDueAt: new Date(Number(due)), mailed: mailed === '1' };
}
