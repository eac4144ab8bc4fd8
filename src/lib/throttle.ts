/**
 * Sliding-window throttle maths: at most `max` failures within `windowMinutes`. When the limit
 * is reached, the caller must wait until the oldest counted failure leaves the window.
 */
export type TThrottleDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export function decideThrottle(input: {
  failures: readonly Date[];
  now: Date;
  max: number;
  windowMinutes: number;
}): TThrottleDecision {
  const windowMs = input.windowMinutes * 60_000;
  const since = input.now.getTime() - windowMs;
  const recent = input.failures
    .map((d) => d.getTime())
    .filter((t) => t > since && t <= input.now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < input.max) return { allowed: true };
  // The max-th most recent failure is the one whose expiry frees a slot.
  const freeingFailure = recent[input.max - 1] ?? input.now.getTime();
  const waitMs = freeingFailure + windowMs - input.now.getTime();
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
}
