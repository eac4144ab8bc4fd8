/**
 * npm run payments:settle-history — for the demo: every account pays everything before its
 * latest bill (src/server/payments/settle-paid-history.ts), so residents owe one bill, not two
 * years. Safe to repeat.
 */
import { closeDatabase } from '@/server/db';
import { settlePaidHistory } from '@/server/payments/settle-paid-history';

try {
  const started = Date.now();
  const recorded = await settlePaidHistory();
  console.log(
    `  ${recorded.toLocaleString()} accounts paid their history (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  await closeDatabase();
}
