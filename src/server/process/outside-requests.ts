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
 * a 408 ms mark-compact. Every process-long object made in a request is such an anchor. Those
 * we make are made here; formatAbortReasonStacks() below cuts the chain from one render to the
 * next, so an anchor we cannot move (Next's and Node's own: an ES module first imported during
 * a render) keeps that one render, not all of them. After both, a minute of dashboards leaves
 * the heap level (`npm run bench:memory`; docs/stack-learned.md).
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

const PATCHED = Symbol.for('wanjia.abort-reason-stacks-formatted');

/**
 * Makes every Error given to `AbortController#abort` format its stack at once.
 *
 * V8 keeps an Error's stack unformatted until something reads `error.stack`: a list of frames,
 * each holding the `this` it ran with. React ends every render with
 * `cacheController.abort(Error("This render completed successfully…"))`, from a frame whose `this`
 * is the Node immediate it ran in, and the aborted signal keeps that Error as its reason. Node
 * does not clear an executed immediate's `_idleNext`, so that immediate still points to the
 * immediates queued after it by other requests, and through their async-context stores to those
 * requests. One finished render kept alive by anything (a module first imported during it, a
 * memo made in it) then holds every render that overlapped it, and those hold the ones after
 * them: under steady load the heap grew by hundreds of MB a minute (`npm run bench:memory`).
 * A formatted stack is a string and holds no frames, which cuts that chain at its only link
 * from one render to the next; what is still anchored is one render per anchor, not all of them.
 * Formatting costs a few microseconds per render. Idempotent.
 */
export function formatAbortReasonStacks(): void {
  const proto = AbortController.prototype as AbortController & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const abort = proto.abort;
  proto.abort = function abortWithFormattedReason(this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    abort.call(this, reason);
  };
  proto[PATCHED] = true;
}
