import 'server-only';
import { randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE32[(bytes[i] ?? 0) % 32];
  return out;
}

/** Our payment id (`pay_…`), the source of every idempotency key about the payment. */
export function newPaymentId(): string {
  return `pay_${base32(randomBytes(26), 26)}`;
}

export function newRefundId(): string {
  return `rf_${base32(randomBytes(26), 26)}`;
}

/** 160 random bits for the public receipt link of a payment made without signing in. */
export function newReceiptToken(): string {
  return randomBytes(20).toString('base64url');
}
