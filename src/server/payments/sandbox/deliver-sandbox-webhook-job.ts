import 'server-only';
import { z } from 'zod';
import { defineJobQueue } from '../../jobs/define-job-queue';
import { sendJob } from '../../jobs/send-job';
import { getStripe } from '../get-stripe';
import { webhookSecret, webhookUrl } from '../payment-settings';
import type { TDeliveryPlan } from './chaos';
import type { TSandboxEvent } from './events';
import { loadSandboxObject } from './store';

export const SANDBOX_WEBHOOK_QUEUE = 'stripe-sandbox-webhook';

const ZJobSchema = z.object({
  eventId: z.string().startsWith('evt_'),
  attempt: z.number().int().min(1).default(1),
});

/** Stripe retries for days with backoff; the sandbox for about ten minutes. */
const MAX_ATTEMPTS = 8;

/** One job per planned delivery; a duplicate delivery is simply a second job for one event. */
export async function sendSandboxWebhookJobs(plan: TDeliveryPlan): Promise<void> {
  for (const delivery of plan) {
    await sendJob(
      SANDBOX_WEBHOOK_QUEUE,
      { eventId: delivery.eventId, attempt: 1 },
      { startAfter: delivery.delaySeconds },
    );
  }
}

export class WebhookDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

/**
 * POSTs one stored event to our webhook endpoint, signed as Stripe signs
 * (`Stripe-Signature: t=…,v1=…` over the exact body). A 5xx or a network failure throws, so the
 * job is retried; any other answer ends the delivery (a 400 means the signature or body was
 * refused and sending it again would not help).
 */
export async function deliverSandboxEvent(
  eventId: string,
  post: typeof fetch = fetch,
): Promise<{ status: number } | null> {
  const event = await loadSandboxObject<TSandboxEvent>(eventId, 'event');
  if (!event) return null;
  const payload = JSON.stringify(event, null, 2);
  const signature = getStripe().webhooks.generateTestHeaderString({
    payload,
    secret: webhookSecret(),
  });
  let response: Response;
  try {
    response = await post(webhookUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signature,
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks) wanjia-sandbox',
      },
      body: payload,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new WebhookDeliveryError(
      `webhook ${eventId} not delivered: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await response.body?.cancel();
  if (response.status >= 500) {
    throw new WebhookDeliveryError(`webhook ${eventId} answered ${response.status}`);
  }
  if (response.status >= 300) {
    console.warn(`[stripe-sandbox] webhook ${eventId} (${event.type}) refused: ${response.status}`);
  }
  return { status: response.status };
}

export const sandboxWebhookQueue = defineJobQueue({
  name: SANDBOX_WEBHOOK_QUEUE,
  batchSize: 5,
  pollingIntervalSeconds: 0.5,
  async handle(jobs) {
    for (const job of jobs) {
      const parsed = ZJobSchema.safeParse(job.data);
      if (!parsed.success) {
        console.warn(`[stripe-sandbox] ignoring malformed ${SANDBOX_WEBHOOK_QUEUE} job ${job.id}`);
        continue;
      }
      const { eventId, attempt } = parsed.data;
      try {
        await deliverSandboxEvent(eventId);
      } catch (error) {
        // Retry this delivery alone (a failed batch would resend the others too).
        const message = error instanceof Error ? error.message : String(error);
        if (attempt >= MAX_ATTEMPTS) {
          console.error(
            `[stripe-sandbox] giving up on ${eventId} after ${attempt} tries: ${message}`,
          );
          continue;
        }
        console.warn(`[stripe-sandbox] ${message}; try ${attempt + 1} follows`);
        await sendJob(
          SANDBOX_WEBHOOK_QUEUE,
          { eventId, attempt: attempt + 1 },
          { startAfter: 2 ** attempt },
        );
      }
    }
  },
});
