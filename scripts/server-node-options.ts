/**
 * The V8 flags the web server runs with, wherever it is started: `npm start` (package.json, the
 * same flag written out), `npm run demo`, the e2e server and the page/webhook benchmarks.
 *
 * A page view allocates megabytes of short-lived objects (React's render, the RSC payload, query
 * rows), and with V8's default 16 MB semi-space the scavenger runs every few requests. A 64 MB
 * semi-space let most of that die young: measured A/B on the same build, same route, alternating
 * rounds on a quiet machine, server CPU per request −10 % on /dashboard (10 of 10 rounds lower,
 * median 11.05 → 9.90 ms) and −9 % on a bill page. The young generation may then grow to a few
 * hundred MB more, on machines with gigabytes.
 */
export const SERVER_NODE_OPTIONS = '--max-semi-space-size=64';

/** `env` with the server's V8 flags added to any NODE_OPTIONS it already has. */
export function withServerNodeOptions<T extends NodeJS.ProcessEnv>(env: T): T {
  const existing = env.NODE_OPTIONS?.trim();
  return {
    ...env,
    NODE_OPTIONS: existing ? `${existing} ${SERVER_NODE_OPTIONS}` : SERVER_NODE_OPTIONS,
  };
}
