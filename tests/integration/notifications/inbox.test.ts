import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { mailOutbox, users } from '@/server/db/schema';
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  notifyUsers,
  openNotification,
} from '@/server/notifications';
import { actorFor, createUser } from '../../fixtures/world';

const title = (count: number) => ({ key: 'inbox.navUnread', values: { count } });

async function notify(items: Parameters<typeof notifyUsers>[1]) {
  const db = await getDb();
  return db.transaction((tx) => notifyUsers(tx, items));
}

async function mailTo(email: string) {
  const db = await getDb();
  return db
    .select({
      subject: mailOutbox.subject,
      text: mailOutbox.textBody,
      template: mailOutbox.template,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email));
}

describe('notifyUsers', () => {
  it('puts one notification in each inbox and mails each person in their own language', async () => {
    const zh = await createUser();
    const en = await createUser();
    const db = await getDb();
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, en.id));

    const mailIds = await notify([
      { userId: zh.id, kind: 'test.hello', title: title(2), link: '/complaints/7' },
      { userId: en.id, kind: 'test.hello', title: title(2), link: '/complaints/7' },
    ]);

    expect(mailIds).toHaveLength(2);
    const [zhMail] = await mailTo(zh.email);
    const [enMail] = await mailTo(en.email);
    expect(zhMail?.subject).toBe('消息（2 条未读）');
    expect(zhMail?.template).toBe('notify.test.hello');
    expect(zhMail?.text).toContain('/complaints/7');
    expect(enMail?.subject).toBe('Messages (2 unread)');
    expect(await countUnreadNotifications(actorFor(zh))).toBe(1);
  });

  it('sends a notification with a dedupe key once per person, mail included, however often a job runs', async () => {
    const person = await createUser();
    const item = { userId: person.id, kind: 'test.once', title: title(1), dedupeKey: 'notice:1' };

    const first = await notify([item]);
    const second = await notify([item, item]);

    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    expect(await mailTo(person.email)).toHaveLength(1);
    expect(await countUnreadNotifications(actorFor(person))).toBe(1);
  });

  it('can skip the mail, and never mails a disabled person', async () => {
    const quiet = await createUser();
    const disabled = await createUser({ disabled: true });

    const mailIds = await notify([
      { userId: quiet.id, kind: 'test.quiet', title: title(1), mail: false },
      { userId: disabled.id, kind: 'test.quiet', title: title(1) },
    ]);

    expect(mailIds).toEqual([]);
    const db = await getDb();
    const rows = await db
      .select()
      .from(mailOutbox)
      .where(inArray(mailOutbox.toAddress, [quiet.email, disabled.email]));
    expect(rows).toEqual([]);
  });

  it('writes nothing when the transaction that caused it rolls back', async () => {
    const person = await createUser();
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await notifyUsers(tx, [{ userId: person.id, kind: 'test.rollback', title: title(1) }]);
        throw new Error('cause failed');
      }),
    ).rejects.toThrow('cause failed');
    expect(await countUnreadNotifications(actorFor(person))).toBe(0);
    expect(await mailTo(person.email)).toEqual([]);
  });
});

describe('the inbox', () => {
  it('lists newest first in the reader’s language, pages, opens and marks read', async () => {
    const person = await createUser();
    const actor = actorFor(person);
    await notify(
      Array.from({ length: 23 }, (_, i) => ({
        userId: person.id,
        kind: 'test.page',
        title: title(i),
        mail: false,
      })),
    );

    const first = await listNotifications({ actor, locale: 'en' });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]?.title).toBe('Messages (22 unread)');
    expect(first.nextBefore).not.toBeNull();
    const second = await listNotifications({
      actor,
      locale: 'zh-CN',
      before: first.nextBefore ?? undefined,
    });
    expect(second.items.map((i) => i.title)).toEqual([
      '消息（2 条未读）',
      '消息（1 条未读）',
      '消息（0 条未读）',
    ]);
    expect(second.nextBefore).toBeNull();

    const opened = await openNotification({
      actor,
      locale: 'en',
      notificationId: first.items[0]!.id,
    });
    expect(opened?.read).toBe(true);
    expect(await countUnreadNotifications(actor)).toBe(22);
    expect(await markAllNotificationsRead({ actor })).toBe(22);
    expect(await countUnreadNotifications(actor)).toBe(0);
  });

  it('answers "not found" for someone else’s notification and leaves it unread', async () => {
    const owner = await createUser();
    const other = await createUser();
    await notify([{ userId: owner.id, kind: 'test.private', title: title(1), mail: false }]);
    const [item] = (await listNotifications({ actor: actorFor(owner), locale: 'en' })).items;

    expect(
      await openNotification({ actor: actorFor(other), locale: 'en', notificationId: item!.id }),
    ).toBeNull();
    expect(await markAllNotificationsRead({ actor: actorFor(other) })).toBe(0);
    expect(await countUnreadNotifications(actorFor(owner))).toBe(1);
  });
});
