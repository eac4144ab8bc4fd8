import 'server-only';
import { env } from '@/env';
import { planDeliveries, sandboxRandom, type TDeliveryPlan } from './chaos';
import { sandboxId, unixNow } from './ids';
import { saveSandboxObjectsBatched } from './batched-store';
import { saveSandboxObjects } from './store';
import type { TStripeObject } from './types';

/** Stripe's API version the sandbox claims (the SDK's pinned one). */
export const SANDBOX_API_VERSION = '2026-10-28.endive';

export type TSandboxEvent = TStripeObject & {
  object: 'event';
  type: string;
  created: number;
  data: { object: TStripeObject; previous_attributes?: Record<string, unknown> };
};

/** Where emitted events go: by default a pg-boss job that POSTs them, signed, to our webhook. */
export type TSandboxEventSink = (plan: TDeliveryPlan) => Promise<void>;

const globalForSink = globalThis as unknown as { __wanjiaSandboxEventSink?: TSandboxEventSink };

/** Tests capture the delivery plan instead of sending jobs; `undefined` restores the job. */
export function installSandboxEventSink(sink: TSandboxEventSink | undefined): void {
  globalForSink.__wanjiaSandboxEventSink = sink;
}

/**
 * Records Stripe-shaped events (snapshots of the objects as they are now) and schedules their
 * delivery: asynchronously, and with STRIPE_SANDBOX_CHAOS late, twice or out of order.
 * `grouped` stores them with the calls in flight beside them (micro-batch.ts), for the
 * off-session path a collection day calls thousands of times at once.
 */
export async function emitSandboxEvents(
  events: readonly { type: string; object: TStripeObject }[],
  options: { grouped?: boolean } = {},
): Promise<TSandboxEvent[]> {
  if (events.length === 0) return [];
  const created = unixNow();
  const records: TSandboxEvent[] = events.map(({ type, object }) => ({
    id: sandboxId('evt_test'),
    object: 'event',
    api_version: SANDBOX_API_VERSION,
    created,
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  }));
  if (options.grouped) await saveSandboxObjectsBatched(records);
  else await saveSandboxObjects(records);
  const plan = planDeliveries(
    records.map((r) => r.id),
    env.STRIPE_SANDBOX_CHAOS,
    sandboxRandom(),
  );
  const sink = globalForSink.__wanjiaSandboxEventSink ?? (await defaultSink());
  await sink(plan);
  return records;
}

async function defaultSink(): Promise<TSandboxEventSink> {
  const { sendSandboxWebhookJobs } = await import('./deliver-sandbox-webhook-job');
  return sendSandboxWebhookJobs;
}
