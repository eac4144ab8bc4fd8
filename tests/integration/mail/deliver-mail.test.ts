import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/env';
import { deliverMail, installMailTransport, MAIL_MAX_ATTEMPTS } from '@/server/mail';
import { deliverMailQueue, sweepMailQueue } from '@/server/mail/deliver-mail-job';
import type PgBoss from 'pg-boss';
import {
  ageMail,
  createFailingTransport,
  createFakeTransport,
  createQueuedMail,
  makeMailDue,
  readMail,
} from '../../fixtures/mail';

afterEach(() => installMailTransport(undefined));

function deliverJob(ids: number[]): PgBoss.Job<unknown> {
  return { id: `job-${ids.join('-')}`, name: 'mail-deliver', data: { ids } } as PgBoss.Job<unknown>;
}

describe('mail delivery', () => {
  it('sends a queued message once through the mail server and marks it sent', async () => {
    const transport = createFakeTransport();
    installMailTransport(transport);
    const ids = await createQueuedMail({
      to: 'li.wei@example.test',
      subject: '您的登录链接',
      text: 'https://wanjia.example/x',
    });

    await deliverMailQueue.handle([deliverJob(ids)]);

    expect(transport.sent).toEqual([
      {
        from: env.MAIL_FROM,
        to: 'li.wei@example.test',
        subject: '您的登录链接',
        text: 'https://wanjia.example/x',
      },
    ]);
    const [row] = await readMail(ids);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it('holds mail for the development outbox when no mail server is configured', async () => {
    const ids = await createQueuedMail({}, {});

    const report = await deliverMail({ ids, transport: null });

    expect(report.held).toEqual(ids);
    const rows = await readMail(ids);
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt])).toEqual([
      ['held', 0, null],
      ['held', 0, null],
    ]);
  });

  it('retries a refused message with a growing wait and gives up after five attempts', async () => {
    const transport = createFailingTransport();
    const [id] = await createQueuedMail();
    if (id === undefined) throw new Error('no mail queued');

    const first = await deliverMail({ ids: [id], transport });
    expect(first.retrying).toEqual([{ id, retryInSeconds: 30 }]);
    const [afterFirst] = await readMail([id]);
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1 });
    expect(afterFirst?.lastError).toContain('ECONNECTION');
    expect(afterFirst?.lastError).not.toContain('hunter2');

    // Not due yet: a pass right away leaves it alone.
    expect((await deliverMail({ ids: [id], transport })).retrying).toEqual([]);
    expect(transport.calls).toBe(1);

    const waits: number[] = [];
    for (let attempt = 2; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      await makeMailDue([id]);
      const report = await deliverMail({ ids: [id], transport });
      waits.push(...report.retrying.map((r) => r.retryInSeconds));
    }
    expect(waits).toEqual([60, 120, 240]);

    const [afterLast] = await readMail([id]);
    expect(afterLast).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
    await makeMailDue([id]);
    await deliverMail({ transport });
    expect(transport.calls).toBe(MAIL_MAX_ATTEMPTS);
  });

  it('sends each message exactly once when two delivery passes run at the same time', async () => {
    const transport = createFakeTransport();
    const ids = await createQueuedMail(...Array.from({ length: 12 }, () => ({})));
    await ageMail(ids, 60);

    const reports = await Promise.all([
      deliverMail({ ids, transport }),
      deliverMail({ olderThanSeconds: 30, transport }),
      deliverMail({ ids, transport, limit: 5 }),
    ]);

    const sentIds = reports.flatMap((r) => r.sent).sort((a, b) => a - b);
    expect(sentIds).toEqual(ids);
    expect(transport.sent).toHaveLength(ids.length);
    expect(new Set(transport.sent.map((m) => m.to)).size).toBe(ids.length);
    const rows = await readMail(ids);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('lets the sweeper pick up mail whose nudge was lost, but not mail queued a moment ago', async () => {
    const transport = createFakeTransport();
    installMailTransport(transport);
    const [lost] = await createQueuedMail({ to: 'lost@example.test' });
    const [fresh] = await createQueuedMail({ to: 'fresh@example.test' });
    if (lost === undefined || fresh === undefined) throw new Error('no mail queued');
    await ageMail([lost], 45);

    await sweepMailQueue.handle([]);

    expect(transport.sent.map((m) => m.to)).toEqual(['lost@example.test']);
    const rows = await readMail([lost, fresh]);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'queued']);
  });

  it('ignores a malformed job instead of failing the batch', async () => {
    const transport = createFakeTransport();
    installMailTransport(transport);
    const ids = await createQueuedMail();

    await deliverMailQueue.handle([
      { id: 'bad', name: 'mail-deliver', data: { ids: 'all' } } as PgBoss.Job<unknown>,
      deliverJob(ids),
    ]);

    expect(transport.sent).toHaveLength(1);
  });
});
