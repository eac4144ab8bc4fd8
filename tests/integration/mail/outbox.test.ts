import { describe, expect, it } from 'vitest';
import { deliverMail, getOutboxMail, listOutboxMail } from '@/server/mail';
import { createQueuedMail } from '../../fixtures/mail';

describe('development outbox', () => {
  it('lists the newest messages first and filters them by recipient', async () => {
    await createQueuedMail({ to: 'wang.fang@example.test', subject: 'First' });
    await createQueuedMail({ to: 'zhao.lei@example.test', subject: 'Other' });
    const [lastId] = await createQueuedMail({ to: 'wang.fang@example.test', subject: 'Second' });
    await deliverMail({ transport: null });

    const all = await listOutboxMail();
    expect(all.map((m) => m.subject)).toEqual(['Second', 'Other', 'First']);

    const forWang = await listOutboxMail({ to: '  Wang.Fang@example.test ' });
    expect(forWang.map((m) => [m.subject, m.status])).toEqual([
      ['Second', 'held'],
      ['First', 'held'],
    ]);
    expect(forWang[0]?.id).toBe(lastId);
    expect(await listOutboxMail({ to: 'nobody@example.test' })).toEqual([]);
  });

  it('shows at most the requested number of messages', async () => {
    await createQueuedMail(...Array.from({ length: 4 }, () => ({})));
    expect(await listOutboxMail({ limit: 3 })).toHaveLength(3);
  });

  it('opens one message with its full text, and nothing for an unknown id', async () => {
    const [id] = await createQueuedMail({
      to: 'chen.jie@example.test',
      template: 'auth.sign_in_link',
      text: 'Open https://wanjia.example/auth/link?token=abc to sign in.',
    });
    if (id === undefined) throw new Error('no mail queued');

    const mail = await getOutboxMail(id);
    expect(mail).toMatchObject({
      to: 'chen.jie@example.test',
      template: 'auth.sign_in_link',
      status: 'queued',
      text: 'Open https://wanjia.example/auth/link?token=abc to sign in.',
    });
    expect(await getOutboxMail(id + 1000)).toBeNull();
    expect(await getOutboxMail(Number.NaN)).toBeNull();
  });
});
