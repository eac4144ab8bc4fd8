import 'server-only';
import { randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function randomText(length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += BASE32[byte & 31];
  return text;
}

/**
 * Ids for a payment row of the payments domain (`pay_` + 26 random base32 characters) and its
 * unguessable receipt token, made for a whole batch of collections at once.
 */
export function newPaymentIds(count: number): { id: string; receiptToken: string }[] {
  return Array.from({ length: count }, () => ({
    id: `pay_${randomText(26)}`,
    receiptToken: randomText(32),
  }));
}
