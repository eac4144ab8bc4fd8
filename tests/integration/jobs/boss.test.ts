import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { mailOutbox } from '@/server/db/schema';
import { getBoss, sendJob, startJobWorkers, stopJobs } from '@/server/jobs';
import { installMailTransport, notifyMailQueued } from '@/server/mail';
import { createFakeTransport, createQueuedMail } from '../../fixtures/mail';

afterAll(async () => {
  await stopJobs();
  installMailTransport(undefined);
});

async function waitForStatus(id: number, status: string): Promise<string | undefined> {
  const db = await getDb();
  let current: string | undefined;
  for (let i = 0; i < 100; i++) {
    const [row] = await db
      .select({ status: mailOutbox.status })
      .from(mailOutbox)
      .where(eq(mailOutbox.id, id));
    current = row?.status;
    if (current === status) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return current;
}

describe('background jobs', () => {
  it('starts pg-boss on the same database and hands back a job that was sent', async () => {
    const boss = await getBoss();
    const jobId = await sendJob('test-echo', { hello: '万家' });

    const [job] = await boss.fetch<{ hello: string }>('test-echo');

    expect(job?.id).toBe(jobId);
    expect(job?.data).toEqual({ hello: '万家' });
  });

  it('works every registered queue and schedules the mail sweeper every minute', async () => {
    const queues = await startJobWorkers();
    const boss = await getBoss();

    expect(queues).toEqual(expect.arrayContaining(['mail-deliver', 'mail-sweep']));
    expect(await boss.getQueue('mail-deliver')).toMatchObject({ name: 'mail-deliver' });
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual(['mail-sweep', '* * * * *']);
  });

  it('delivers mail after the caller nudges the worker', async () => {
    const transport = createFakeTransport();
    installMailTransport(transport);
    await startJobWorkers();
    const [id] = await createQueuedMail({ to: 'sun.li@example.test' });
    if (id === undefined) throw new Error('no mail queued');

    await notifyMailQueued([id]);

    expect(await waitForStatus(id, 'sent')).toBe('sent');
    expect(transport.sent.map((m) => m.to)).toEqual(['sun.li@example.test']);
  });
});
