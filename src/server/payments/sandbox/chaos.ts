import 'server-only';
import { randomInt } from 'node:crypto';
import { env } from '@/env';

const globalForChaos = globalThis as unknown as { __wanjiaSandboxRandom?: () => number };

/** mulberry32: a small seeded generator, so a chaotic run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The process's chaos generator (STRIPE_SANDBOX_SEED, else a random seed logged once). */
export function sandboxRandom(): () => number {
  if (!globalForChaos.__wanjiaSandboxRandom) {
    const seed = env.STRIPE_SANDBOX_SEED ?? randomInt(0, 2 ** 31);
    if (env.STRIPE_SANDBOX_SEED === undefined && env.STRIPE_SANDBOX_CHAOS) {
      console.info(`[stripe-sandbox] webhook chaos seed ${seed} (STRIPE_SANDBOX_SEED to repeat)`);
    }
    globalForChaos.__wanjiaSandboxRandom = seededRandom(seed);
  }
  return globalForChaos.__wanjiaSandboxRandom;
}

export type TDeliveryPlan = { eventId: string; delaySeconds: number }[];

/**
 * When each event is delivered. Without chaos: once each, in order, at once. With chaos, as
 * Stripe may: each after 0–2 s (so a later event can overtake an earlier one), and about one in
 * four a second time a little later.
 */
export function planDeliveries(
  eventIds: readonly string[],
  chaos: boolean,
  random: () => number,
): TDeliveryPlan {
  if (!chaos) return eventIds.map((eventId) => ({ eventId, delaySeconds: 0 }));
  const plan: TDeliveryPlan = [];
  for (const eventId of eventIds) {
    const delaySeconds = Math.floor(random() * 3);
    plan.push({ eventId, delaySeconds });
    if (random() < 0.25)
      plan.push({ eventId, delaySeconds: delaySeconds + 1 + Math.floor(random() * 3) });
  }
  return plan;
}
