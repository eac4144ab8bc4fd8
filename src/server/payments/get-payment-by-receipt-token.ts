import 'server-only';
import { eq } from 'drizzle-orm';
import { payments } from '../db/schema';
import type { TPaymentView } from './dto';
import { loadPaymentView } from './load-payment-view';

/**
 * A payment made without signing in, found only by its unguessable receipt token (the link the
 * guest was sent back to). Shows what a receipt shows and nothing else about the account.
 */
export async function getPaymentByReceiptToken(token: string): Promise<TPaymentView | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  return loadPaymentView(eq(payments.receiptToken, token));
}
