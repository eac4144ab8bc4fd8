import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Runs code in the async context the process had at start-up, outside every request.
 *
 * Node (20) stamps each new async resource — a socket, a timer, an immediate — with the
 * AsyncLocalStorage stores active where it was created, and keeps them as long as the resource
 * lives. A PostgreSQL pool connection is usually opened in the middle of a page render, so
 * its socket kept that render's stores (Next's work store, React's render request) for as long
 * as the connection stayed open: under steady load, for ever. React ends each render by
 * aborting its cache signal with an Error whose unformatted stack holds the immediates it ran
 * in, and Node's executed immediates still point to the next ones queued, so the one render a
 * connection kept reached every render after it. Measured with a heap snapshot after a minute
 * of dashboards: 5,468 finished responses alive, the heap after a full GC 125 → 268 → 561 MB and
 * a 408 ms mark-compact. Every process-long object made in a request is such an anchor; those
 * found so far are made here, but others remain (`npm run bench:memory`, docs/stack-learned.md).
 *
 * The start-up context is taken once by captureStartupContext() (src/instrumentation-node.ts,
 * before any request) and kept on globalThis, because Next bundles instrumentation and pages
 * separately and each bundle has its own copy of this module.
 */
const KEY = Symbol.for('wanjia.startup-async-context');

type TRunInContext = <R>(fn: () => R) => R;
type TGlobalWithContext = typeof globalThis & { [KEY]?: TRunInContext };

/** Takes the current async context as the start-up one; call it before any request runs. */
export function captureStartupContext(): void {
  const holder = globalThis as TGlobalWithContext;
  holder[KEY] ??= AsyncLocalStorage.snapshot() as TRunInContext;
}

/**
 * Runs `fn` in the start-up context, so what it creates carries no request's stores. Outside a
 * Next server (scripts, workers, tests) nothing was captured and `fn` runs as it is.
 */
export function runOutsideRequests<R>(fn: () => R): R {
  const run = (globalThis as TGlobalWithContext)[KEY];
  return run ? run(fn) : fn();
}
