/**
 * Runs once when a Next server process starts. Everything it does needs Node.js, so it lives
 * in instrumentation-node.ts, loaded only in that runtime (and skipped by `next build`).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerProcess } = await import('./instrumentation-node');
  await startServerProcess();
}
