import { describe, expect, it } from 'vitest';
import { env } from '@/env';
import { requestPasswordReset } from '@/server/auth/request-password-reset';
import { resetPassword } from '@/server/auth/reset-password';
import { verifyPasswordSignIn } from '@/server/auth/verify-password-sign-in';
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

const newPassword = 'a brand new password';

describe('resetting a forgotten password', () => {
  it('replaces the password: the old one stops working and the new one works', async () => {
    const user = await createUser();
    expect(
      await requestPasswordReset({ email: user.email, ip: '10.5.0.1', locale: 'zh-CN' }),
    ).toEqual({ ok: true });
    const mail = await mailTo(user.email);
    expect(mail.map((m) => m.template)).toEqual(['auth.password_reset']);
    expect(mail[0]?.text).toContain('http://localhost:3000/reset-password?token=');
    const token = await latestTokenMailed(user.email, 'auth.password_reset');

    expect(await resetPassword({ token, password: newPassword, ip: '10.5.0.1' })).toEqual({
      ok: true,
    });
    expect(
      await verifyPasswordSignIn({ email: user.email, password: user.password ?? '', ip: null }),
    ).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(
      (await verifyPasswordSignIn({ email: user.email, password: newPassword, ip: null })).ok,
    ).toBe(true);
  });

  it('signs the person out everywhere: sessions issued before the reset stop counting', async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email, ip: '10.5.0.9', locale: 'en' });
    const token = await latestTokenMailed(user.email, 'auth.password_reset');
    const before = new Date();
    await resetPassword({ token, password: newPassword, ip: '10.5.0.9' });
    const [row] = await usersWithEmail(user.email);
    expect(row?.sessionsValidAfter?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('uses the link up, so it cannot set a password twice', async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email, ip: null, locale: 'en' });
    const token = await latestTokenMailed(user.email, 'auth.password_reset');

    expect(await resetPassword({ token, password: newPassword, ip: null })).toEqual({ ok: true });
    expect(await resetPassword({ token, password: 'another password!!', ip: null })).toEqual({
      ok: false,
      error: 'invalid_token',
    });
    expect(
      (await verifyPasswordSignIn({ email: user.email, password: newPassword, ip: null })).ok,
    ).toBe(true);
  });

  it('voids every other outstanding reset link for the address', async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email, ip: null, locale: 'en' });
    const first = await latestTokenMailed(user.email, 'auth.password_reset');
    await requestPasswordReset({ email: user.email, ip: null, locale: 'en' });
    const second = await latestTokenMailed(user.email, 'auth.password_reset');
    expect(second).not.toBe(first);

    expect(await resetPassword({ token: second, password: newPassword, ip: null })).toEqual({
      ok: true,
    });
    expect(await resetPassword({ token: first, password: 'sneaky password!', ip: null })).toEqual({
      ok: false,
      error: 'invalid_token',
    });
    expect((await tokensFor(user.email)).every((t) => t.usedAt !== null)).toBe(true);
  });

  it('does not work after 30 minutes', async () => {
    const user = await createUser();
    const sentAt = new Date();
    await requestPasswordReset({ email: user.email, ip: null, locale: 'en', now: sentAt });
    const token = await latestTokenMailed(user.email, 'auth.password_reset');

    expect(
      await resetPassword({
        token,
        password: newPassword,
        ip: null,
        now: minutesLater(sentAt, 31),
      }),
    ).toEqual({ ok: false, error: 'invalid_token' });
  });

  it('confirms the address, lifts the sign-in lock and writes an audit row', async () => {
    const user = await createUser({ verified: false });
    const now = new Date();
    for (let i = 0; i < env.SIGNIN_MAX_FAILURES_PER_EMAIL; i += 1) {
      await verifyPasswordSignIn({ email: user.email, password: 'wrong password!', ip: null, now });
    }
    expect(
      await verifyPasswordSignIn({
        email: user.email,
        password: user.password ?? '',
        ip: null,
        now,
      }),
    ).toMatchObject({ error: 'throttled' });

    await requestPasswordReset({ email: user.email, ip: null, locale: 'zh-CN', now });
    const token = await latestTokenMailed(user.email, 'auth.password_reset');
    await resetPassword({ token, password: newPassword, ip: '10.5.0.7', now });

    expect((await usersWithEmail(user.email))[0]?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(
      (await verifyPasswordSignIn({ email: user.email, password: newPassword, ip: null, now })).ok,
    ).toBe(true);
    expect(await auditRows('auth.password_reset', user.id)).toEqual([
      { action: 'auth.password_reset', actorUserId: user.id, subjectId: user.id, ip: '10.5.0.7' },
    ]);
  });

  it('mails nothing for an unknown address but answers the same', async () => {
    const email = uniqueEmail('ghost');
    expect(await requestPasswordReset({ email, ip: null, locale: 'zh-CN' })).toEqual({ ok: true });
    expect(await mailTo(email)).toHaveLength(0);
    expect(await tokensFor(email)).toHaveLength(0);
  });
});
