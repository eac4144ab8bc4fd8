import 'server-only';

/**
 * Group commit for the sandbox's own bookkeeping: calls made while a batch is being written
 * wait together and go to the database as one statement. Stripe's API answers thousands of
 * calls a second; a sandbox that spent four round trips on each would be the bottleneck of
 * every bulk test (a direct-debit collection day makes one call per mandate). Each caller
 * still gets its own result (or the batch's error) and nothing is acknowledged before it is
 * written.
 */
export function createMicroBatch<TItem, TResult>(
  write: (items: TItem[]) => Promise<TResult[]>,
  { max = 500 }: { max?: number } = {},
): (item: TItem) => Promise<TResult> {
  type TWaiting = { item: TItem; resolve: (r: TResult) => void; reject: (e: unknown) => void };
  let queue: TWaiting[] = [];
  let running = false;

  async function drain() {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, max);
      queue = queue.slice(batch.length);
      try {
        const results = await write(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i] as TResult));
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    }
    running = false;
  }

  return (item) =>
    new Promise<TResult>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // The first caller starts a writer on the next turn; everyone arriving while it writes
      // joins the next batch.
      if (!running) {
        running = true;
        setImmediate(() => void drain());
      }
    });
}
