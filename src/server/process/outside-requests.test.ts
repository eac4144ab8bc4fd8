import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { captureStartupContext, runOutsideRequests } from './outside-requests';

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
