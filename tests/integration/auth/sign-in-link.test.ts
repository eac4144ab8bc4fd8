import { describe, expect, it } from 'vitest';
import { checkEmailToken } from '@/server/auth/check-email-token';
import { consumeSignInLink } from '@/server/auth/consume-sign-in-link';
import { requestSignInLink } from '@/server/auth/request-sign-in-link';
import {
  auditRows,
  createUser,
  latestTokenMailed,
  mailTo,
  minutesLater,
  tokensFor,
  uniqueEmail,
  usersWithEmail,
} from '../../fixtures/auth';

describe('signing in with an e-mailed link', () => {
  it('mails one link and stores only a hash of its token', async () => {
    const user = await createUser();
    const answer = await requestSignInLink({ email: user.email, ip: '10.3.0.1', locale: 'en' });

    expect(answer).toEqual({ ok: true });
    const mail = await mailTo(user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.template).toBe('auth.sign_in_link');
    expect(mail[0]?.subject).toBe('Your Wanjia sign-in link');
    const token = await latestTokenMailed(user.email, 'auth.sign_in_link');
    const stored = await tokensFor(user.email);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.purpose).toBe('sign_in');
    expect(stored[0]?.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('works once and not twice', async () => {
    const user = await createUser();
    await requestSignInLink({ email: user.email, ip: null, locale: 'zh-CN' });
    const token = await latestTokenMailed(user.email, 'auth.sign_in_link');

    expect(await consumeSignInLink({ token, ip: '10.3.0.2' })).toEqual({
      id: user.id,
      role: 'resident',
    });
    expect(await consumeSignInLink({ token, ip: '10.3.0.2' })).toBeNull();
  });

  it('does not work after it expires', async () => {
    const user = await createUser();
    const sentAt = new Date();
    await requestSignInLink({ email: user.email, ip: null, locale: 'zh-CN', now: sentAt });
    const token = await latestTokenMailed(user.email, 'auth.sign_in_link');

    expect(
      await checkEmailToken({ token, purpose: 'sign_in', now: minutesLater(sentAt, 16) }),
    ).toBe(false);
    expect(await consumeSignInLink({ token, ip: null, now: minutesLater(sentAt, 16) })).toBeNull();
  });

  it('is not used up by looking at it, only by confirming', async () => {
    const user = await createUser();
    await requestSignInLink({ email: user.email, ip: null, locale: 'zh-CN' });
    const token = await latestTokenMailed(user.email, 'auth.sign_in_link');

    expect(await checkEmailToken({ token, purpose: 'sign_in' })).toBe(true);
    expect(await checkEmailToken({ token, purpose: 'sign_in' })).toBe(true);
    expect(await checkEmailToken({ token, purpose: 'password_reset' })).toBe(false);
    expect(await consumeSignInLink({ token, ip: null })).not.toBeNull();
    expect(await checkEmailToken({ token, purpose: 'sign_in' })).toBe(false);
  });

  it('refuses a made-up token', async () => {
    expect(await consumeSignInLink({ token: 'not-a-real-token', ip: null })).toBeNull();
  });

  it('creates a confirmed account for an address that had none', async () => {
    const email = uniqueEmail('newcomer');
    await requestSignInLink({ email, ip: null, locale: 'zh-CN' });
    const token = await latestTokenMailed(email, 'auth.sign_in_link');

    const user = await consumeSignInLink({ token, ip: null });
    expect(user?.role).toBe('resident');
    const rows = await usersWithEmail(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it('writes an audit row when a link is used', async () => {
    const user = await createUser();
    await requestSignInLink({ email: user.email, ip: null, locale: 'zh-CN' });
    await consumeSignInLink({
      token: await latestTokenMailed(user.email, 'auth.sign_in_link'),
      ip: '10.3.0.9',
    });

    expect(await auditRows('auth.sign_in_link_used', user.id)).toEqual([
      {
        action: 'auth.sign_in_link_used',
        actorUserId: user.id,
        subjectId: user.id,
        ip: '10.3.0.9',
      },
    ]);
  });

  it('stops mailing one address after a few requests but answers the same', async () => {
    const user = await createUser();
    const now = new Date('2026-03-04T08:00:00Z');
    for (let i = 0; i < 8; i += 1) {
      expect(
        await requestSignInLink({ email: user.email, ip: `10.4.0.${i}`, locale: 'zh-CN', now }),
      ).toEqual({
        ok: true,
      });
    }
    expect(await mailTo(user.email)).toHaveLength(5);
  });

  it('stops mailing from one IP that asks for many addresses', async () => {
    const now = new Date('2026-03-05T08:00:00Z');
    const emails = Array.from({ length: 22 }, () => uniqueEmail('spam'));
    for (const email of emails)
      await requestSignInLink({ email, ip: '198.51.100.5', locale: 'en', now });

    const mailed = await Promise.all(emails.map(async (e) => (await mailTo(e)).length));
    expect(mailed.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('sends the confirmation wording when an unconfirmed user asks to resend it', async () => {
    const user = await createUser({ verified: false });
    await requestSignInLink({ email: user.email, ip: null, locale: 'zh-CN', confirm: true });

    expect((await mailTo(user.email)).map((m) => m.template)).toEqual(['auth.register_confirm']);
  });
});

describe('a sign-in link asked for on the way to a page', () => {
  it('carries that page in the mailed link', async () => {
    const user = await createUser();
    await requestSignInLink({ email: user.email, ip: null, locale: 'en', next: '/accounts/7' });

    const [mail] = await mailTo(user.email);
    expect(mail?.text).toMatch(/\/auth\/link\?token=[A-Za-z0-9_-]+&next=%2Faccounts%2F7/);
  });
});
