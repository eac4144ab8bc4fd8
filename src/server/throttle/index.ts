import 'server-only';
import { and, eq, gt, desc } from 'drizzle-orm';
import { getDb } from '../db';
import { throttleEvents } from '../db/schema';
import { decideThrottle, type TThrottleDecision } from '@/lib/throttle';

export type TThrottleRule = { bucket: string; key: string; max: number; windowMinutes: number };

/** Reads the recent failures for one key and decides whether another attempt is allowed. */
export async function checkThrottle(
  rule: TThrottleRule,
  now = new Date(),
): Promise<TThrottleDecision> {
  const db = await getDb();
  const since = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const rows = await db
    .select({ occurredAt: throttleEvents.occurredAt })
    .from(throttleEvents)
    .where(
      and(
        eq(throttleEvents.bucket, rule.bucket),
        eq(throttleEvents.key, rule.key),
        gt(throttleEvents.occurredAt, since),
      ),
    )
    .orderBy(desc(throttleEvents.occurredAt))
    .limit(rule.max);
  return decideThrottle({
    failures: rows.map((r) => r.occurredAt),
    now,
    max: rule.max,
    windowMinutes: rule.windowMinutes,
  });
}

/** The strictest decision across several rules (e.g. per e-mail and per IP). */
export async function checkThrottles(rules: TThrottleRule[], now = new Date()) {
  let worst: TThrottleDecision = { allowed: true };
  for (const rule of rules) {
    const decision = await checkThrottle(rule, now);
    if (
      !decision.allowed &&
      (worst.allowed || decision.retryAfterMinutes > worst.retryAfterMinutes)
    ) {
      worst = decision;
    }
  }
  return worst;
}

export async function recordThrottleFailure(
  rules: Pick<TThrottleRule, 'bucket' | 'key'>[],
  now = new Date(),
) {
  if (rules.length === 0) return;
  const db = await getDb();
  await db
    .insert(throttleEvents)
    .values(rules.map((r) => ({ bucket: r.bucket, key: r.key, occurredAt: now })));
}

export async function clearThrottle(rule: Pick<TThrottleRule, 'bucket' | 'key'>) {
  const db = await getDb();
  await db
    .delete(throttleEvents)
    .where(and(eq(throttleEvents.bucket, rule.bucket), eq(throttleEvents.key, rule.key)));
}
