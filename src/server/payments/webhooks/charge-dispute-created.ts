import 'server-only';
import type Stripe from 'stripe';
import { reverseDisputedPayment } from '../../direct-debit/reverse-disputed-payment';
import type { TWebhookHandler } from './types';

/**
 * A chargeback (a direct-debit collection or a card payment taken back by the payer's bank):
 * the payment is reversed in the ledger and billing staff are told.
 */
export const handleChargeDisputeCreated: TWebhookHandler = (tx, event) =>
  reverseDisputedPayment(tx, event.data.object as Stripe.Dispute);
