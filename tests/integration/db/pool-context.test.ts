import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createPool } from '@/server/db/open-database';
import { captureStartupContext } from '@/server/process/outside-requests';

const template = inject('dbTemplate');
const KEY = Symbol.for('wanjia.startup-async-context');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe.skipIf(template.kind !== 'postgres')('the PostgreSQL pool of a web process', () => {
  it('opens a connection needed by a request without keeping that request’s stores', async () => {
    captureStartupContext(); // as instrumentation does at server start
    const pool = await createPool(template.url, 1);
    const request = new AsyncLocalStorage<{ request: number }>();
    try {
      // The pool's only connection is opened in the middle of a "request".
      await request.run({ request: 1 }, () => pool.query('select 1'));

      // Later, the same connection's socket delivers a notification: its events run in the
      // context the socket was created in. Had the request's store been stamped on it, the
      // connection would keep request 1 — and all it references — alive as long as it is open.
      const client = await pool.connect();
      try {
        const seen = new Promise<unknown>((resolve) =>
          client.once('notification', () => resolve(request.getStore())),
        );
        await client.query('listen wanjia_pool_context');
        await client.query('notify wanjia_pool_context');
        expect(await seen).toBeUndefined();
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });
});
