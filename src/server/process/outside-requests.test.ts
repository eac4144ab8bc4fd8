import { AsyncLocalStorage } from 'node:async_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  captureStartupContext,
  formatAbortReasonStacks,
  runOutsideRequests,
} from './outside-requests';

const KEY = Symbol.for('wanjia.startup-async-context');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe('runOutsideRequests', () => {
  it('runs in the context captured at start-up, not the request’s', async () => {
    const request = new AsyncLocalStorage<string>();
    captureStartupContext();
    await request.run('request 1', async () => {
      expect(request.getStore()).toBe('request 1');
      expect(runOutsideRequests(() => request.getStore())).toBeUndefined();
      // A resource made there (here a timer) carries no store of the request either.
      const seenByTimer = await new Promise((resolve) =>
        runOutsideRequests(() => setTimeout(() => resolve(request.getStore()), 1)),
      );
      expect(seenByTimer).toBeUndefined();
      // …while the request's own code keeps its store.
      expect(request.getStore()).toBe('request 1');
    });
  });

  it('keeps the first context captured', async () => {
    const request = new AsyncLocalStorage<string>();
    captureStartupContext();
    await request.run('request 2', async () => {
      captureStartupContext();
      expect(runOutsideRequests(() => request.getStore())).toBeUndefined();
    });
  });

  it('runs the function as it is where nothing was captured (scripts, workers)', () => {
    const request = new AsyncLocalStorage<string>();
    request.run('script', () => {
      expect(runOutsideRequests(() => request.getStore())).toBe('script');
    });
  });
});

describe('formatAbortReasonStacks', () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;

  /**
   * Aborts a controller from a method of a fresh object, as React aborts its cache signal from a
   * callback whose `this` is a Node immediate, and says whether that object outlives the call
   * while the aborted signal (and so its reason) is still held.
   */
  async function receiverOutlivesAbort(): Promise<boolean> {
    const controller = new AbortController();
    let receiver: WeakRef<object> | undefined;
    (() => {
      const holder = {
        finish() {
          controller.abort(new Error('This render completed successfully.'));
        },
      };
      receiver = new WeakRef(holder);
      holder.finish();
    })();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const alive = receiver?.deref() !== undefined;
    expect(controller.signal.reason).toBeInstanceOf(Error); // still held
    return alive;
  }

  it('stops an abort reason from keeping the objects its stack ran in alive', async () => {
    // Unpatched, V8's unformatted stack holds each frame's receiver: the mechanism itself.
    expect(await receiverOutlivesAbort()).toBe(true);
    formatAbortReasonStacks();
    expect(await receiverOutlivesAbort()).toBe(false);
  });

  it('still aborts, with the reason given, and patches once', () => {
    formatAbortReasonStacks();
    const abort = AbortController.prototype.abort;
    formatAbortReasonStacks();
    expect(AbortController.prototype.abort).toBe(abort);
    const controller = new AbortController();
    const reason = new Error('done');
    controller.abort(reason);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    expect(reason.stack).toContain('done');
    const plain = new AbortController();
    plain.abort();
    expect(plain.signal.reason).toBeInstanceOf(DOMException);
  });
});
