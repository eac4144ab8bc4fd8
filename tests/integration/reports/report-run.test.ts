import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { annualReports, auditLog, notifications, reportRuns } from '@/server/db/schema';
import { createLocalFileStore, installFileStore } from '@/server/files';
import { startJobWorkers, stopJobs } from '@/server/jobs';
import {
  closeReportRenderPool,
  getReportPdf,
  listReportRuns,
  listReportYears,
  reportRenderPool,
  startReportRun,
} from '@/server/reports';
import { actorFor, createUser } from '../../fixtures/world';
import { createHousehold, yearOfReadings } from '../../fixtures/reports';

const storeDir = mkdtempSync(path.join(tmpdir(), 'wanjia-reports-'));

beforeAll(async () => {
  installFileStore(createLocalFileStore(storeDir));
  await closeReportRenderPool();
  reportRenderPool({ fileStoreDir: storeDir });
});

afterAll(async () => {
  await stopJobs();
  await closeReportRenderPool();
  installFileStore(undefined);
  rmSync(storeDir, { recursive: true, force: true });
});

async function waitForRun(runId: number) {
  const db = await getDb();
  for (let i = 0; i < 150; i++) {
    const [run] = await db.select().from(reportRuns).where(eq(reportRuns.id, runId));
    if (run?.status === 'completed') return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the report run did not complete');
}

/** Polls `read` until it returns rows (background jobs land asynchronously). */
async function waitFor<T>(read: () => Promise<T[]>): Promise<T[]> {
  for (let i = 0; i < 100; i++) {
    const rows = await read();
    if (rows.length > 0) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return read();
}

describe('annual reports in bulk', () => {
  it('makes one PDF per account with readings that year, counts progress, and serves the stored file', async () => {
    const year = Array.from({ length: 12 }, (_, i) => 150 + i * 10);
    const households = await Promise.all([
      createHousehold({ readings: yearOfReadings(2025, year) }),
      createHousehold({ readings: yearOfReadings(2025, year), utility: 'water' }),
      createHousehold({ readings: yearOfReadings(2025, [null, 90, 95]) }),
    ]);
    const idle = await createHousehold({ readings: yearOfReadings(2024, year) });
    const staff = actorFor(await createUser({ role: 'billing' }));

    const { runId, total } = await startReportRun({ actor: staff, year: 2025, batchSize: 2 });
    expect(total).toBe(3);
    await startJobWorkers();
    const run = await waitForRun(runId);

    expect(run).toMatchObject({ total: 3, done: 3, failed: 0, status: 'completed' });
    const db = await getDb();
    const rows = await db
      .select({ accountId: annualReports.accountId, status: annualReports.status })
      .from(annualReports)
      .where(eq(annualReports.year, 2025));
    expect(rows.map((r) => r.accountId).sort()).toEqual(households.map((h) => h.account.id).sort());
    expect(rows.every((r) => r.status === 'ready')).toBe(true);
    expect(rows.some((r) => r.accountId === idle.account.id)).toBe(false);

    const first = households[0];
    if (!first) throw new Error('no household');
    const stored = readFileSync(
      path.join(storeDir, 'reports', '2025', `${first.account.id}-zh-CN.pdf`),
    );
    expect(execFileSync('pdftotext', ['-', '-'], { input: stored }).toString()).toContain(
      '2025 年度用电分析报告',
    );
    const served = await getReportPdf({
      actor: first.actor,
      accountId: first.account.id,
      year: 2025,
      locale: 'zh-CN',
    });
    expect(served?.pdf.equals(stored)).toBe(true);
    expect(await listReportYears({ actor: first.actor, accountId: first.account.id })).toEqual([
      { year: 2025, monthsWithData: 12, stored: true },
    ]);

    const runs = await listReportRuns({ actor: staff });
    expect(runs[0]).toMatchObject({ id: runId, year: 2025, done: 3, status: 'completed' });
    const audit = await db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(runId)));
    expect(audit).toContainEqual({ action: 'reports.run.start', actor: staff.userId });

    // The run's last batch nudged reports-notify: each household hears its report is ready.
    const told = await waitFor(() =>
      db
        .select({ kind: notifications.kind, link: notifications.link })
        .from(notifications)
        .where(eq(notifications.userId, first.user.id)),
    );
    expect(told).toEqual([
      { kind: 'report.ready', link: `/accounts/${first.account.id}/reports/2025` },
    ]);
  });

  it('joins the run in progress when the same year is started twice at once', async () => {
    await createHousehold({ readings: yearOfReadings(2023, [100, 110, 120]) });
    const staff = actorFor(await createUser({ role: 'billing' }));

    const [first, second] = await Promise.all([
      startReportRun({ actor: staff, year: 2023 }),
      startReportRun({ actor: staff, year: 2023 }),
    ]);

    expect(second?.runId).toBe(first?.runId);
    expect([first?.joined, second?.joined].sort()).toEqual([false, true]);
    const db = await getDb();
    const runs = await db.select().from(reportRuns).where(eq(reportRuns.year, 2023));
    expect(runs).toHaveLength(1);
    await waitForRun(runs[0]?.id ?? 0);
  });

  it('completes at once when no account has a reading that year', async () => {
    const { runId, total } = await startReportRun({ actor: null, year: 2001 });
    expect(total).toBe(0);
    const db = await getDb();
    const [run] = await db.select().from(reportRuns).where(eq(reportRuns.id, runId));
    expect(run?.status).toBe('completed');
  });
});
