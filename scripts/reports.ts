/**
 * Annual usage reports for every account with readings in a year:
 *   npm run reports -- --year 2025 [--locale zh-CN|en] [--queue-only]
 * Queues the run as pg-boss jobs (one per range of accounts) and, unless --queue-only, works them
 * in this process with one PDF render process per core, printing progress. With --queue-only the
 * running server (PGlite) or `npm run worker` (PostgreSQL) does the work; staff follow it at
 * /staff/reports. On PGlite the server must be stopped unless --queue-only is used by it.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LOCALES } from '@/lib/locale';
import { closeDatabase } from '@/server/db';
import { stopJobs } from '@/server/jobs';
import { closeReportRenderPool } from '@/server/reports/generate-reports-job';
import { startReportRun } from '@/server/reports/start-report-run';
import { workReportRun } from '@/server/reports/work-report-run';

const ZArgsSchema = z.object({
  year: z.coerce.number().int().min(2000, '--year must be a year like 2025').max(2100),
  locale: z.enum(LOCALES).default('zh-CN'),
  'queue-only': z.boolean().default(false),
});

const { values } = parseArgs({
  options: {
    year: { type: 'string' },
    locale: { type: 'string' },
    'queue-only': { type: 'boolean' },
  },
});
const parsed = ZArgsSchema.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  console.error('Usage: npm run reports -- --year 2025 [--locale zh-CN|en] [--queue-only]');
  process.exit(2);
}
const args = parsed.data;

let exitCode = 0;
try {
  const started = performance.now();
  const { runId, total } = await startReportRun({
    actor: null,
    year: args.year,
    locale: args.locale,
  });
  console.info(`Report run ${runId}: ${total} annual reports for ${args.year} queued.`);
  if (!args['queue-only'] && total > 0) {
    let last = -1;
    const result = await workReportRun({
      runId,
      onProgress: ({ done, failed }) => {
        if (done + failed === last) return;
        last = done + failed;
        console.info(`  ${done} / ${total} done, ${failed} failed`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `Finished: ${result.done} PDFs, ${result.failed} failed, ${seconds.toFixed(1)} s ` +
        `(${(result.done / seconds).toFixed(1)} PDFs/s).`,
    );
    if (result.failed > 0) exitCode = 1;
  }
} catch (error) {
  console.error('The report run could not be completed:', error);
  exitCode = 1;
} finally {
  // Whatever failed above, end quietly: the message was printed once.
  await stopJobs().catch(() => undefined);
  await closeReportRenderPool().catch(() => undefined);
  await closeDatabase().catch(() => undefined);
}
process.exit(exitCode);
