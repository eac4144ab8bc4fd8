import { describe, expect, it } from 'vitest';
import { registerUser } from '@/server/auth/register-user';
import { verifyPasswordSignIn } from '@/server/auth/verify-password-sign-in';
import { consumeSignInLink } from '@/server/auth/consume-sign-in-link';
import {
  auditRows,
  createUser,
  latestTokenMailed,
  mailTo,
  uniqueEmail,
  usersWithEmail,
} from '../../fixtures/auth';

const password = 'a long enough password';

describe('registering with e-mail and password', () => {
  it('creates one unconfirmed user and mails one confirmation link', async () => {
    const email = uniqueEmail();
    const answer = await registerUser({
      name: '李四',
      email,
      password,
      locale: 'zh-CN',
      ip: '10.0.0.1',
    });

    expect(answer).toEqual({ ok: true });
    const rows = await usersWithEmail(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.emailVerifiedAt).toBeNull();
    expect(rows[0]?.passwordHash).toMatch(/^\$argon2id\$/);
    const mail = await mailTo(email);
    expect(mail.map((m) => m.template)).toEqual(['auth.register_confirm']);
    expect(mail[0]?.subject).toBe('请确认您的电子邮箱');
    expect(mail[0]?.text).toContain('http://localhost:3000/auth/link?token=');
  });

  it('stores the address trimmed and lower-cased', async () => {
    const email = uniqueEmail();
    await registerUser({
      name: 'Ann',
      email: `  ${email.toUpperCase()} `,
      password,
      locale: 'en',
      ip: null,
    });

    expect(await usersWithEmail(email)).toHaveLength(1);
    expect((await mailTo(email))[0]?.subject).toBe('Please confirm your e-mail address');
  });

  it('gives a known address the same answer, no second user, and tells its owner by mail', async () => {
    const owner = await createUser();
    const answer = await registerUser({
      name: 'Someone else',
      email: owner.email.toUpperCase(),
      password,
      locale: 'en',
      ip: '10.0.0.2',
    });

    expect(answer).toEqual({ ok: true });
    expect(await usersWithEmail(owner.email)).toHaveLength(1);
    const mail = await mailTo(owner.email);
    expect(mail.map((m) => m.template)).toEqual(['auth.register_existing']);
    expect(mail[0]?.text).toContain('http://localhost:3000/forgot-password');
    expect(mail[0]?.text).not.toContain('token=');
  });

  it('leaves the existing password in place when someone registers over it', async () => {
    const owner = await createUser();
    await registerUser({ name: 'Mallory', email: owner.email, password, locale: 'en', ip: null });

    const withOld = await verifyPasswordSignIn({
      email: owner.email,
      password: owner.password ?? '',
      ip: null,
    });
    const withNew = await verifyPasswordSignIn({ email: owner.email, password, ip: null });
    expect(withOld.ok).toBe(true);
    expect(withNew).toEqual({ ok: false, error: 'invalid' });
  });

  it('writes an audit row for the new user', async () => {
    const email = uniqueEmail();
    await registerUser({ name: '王五', email, password, locale: 'zh-CN', ip: '10.0.0.3' });
    const [user] = await usersWithEmail(email);

    const rows = await auditRows('auth.registered', user?.id);
    expect(rows).toEqual([
      { action: 'auth.registered', actorUserId: user?.id, subjectId: user?.id, ip: '10.0.0.3' },
    ]);
  });

  it('asks an unconfirmed user with the right password to confirm, and a wrong password gets the generic answer', async () => {
    const email = uniqueEmail();
    await registerUser({ name: '赵六', email, password, locale: 'zh-CN', ip: null });

    expect(await verifyPasswordSignIn({ email, password, ip: null })).toEqual({
      ok: false,
      error: 'unverified',
    });
    expect(await verifyPasswordSignIn({ email, password: 'not the password', ip: null })).toEqual({
      ok: false,
      error: 'invalid',
    });
  });

  it('confirms the address through the mailed link, after which the password works', async () => {
    const email = uniqueEmail();
    await registerUser({ name: '钱七', email, password, locale: 'zh-CN', ip: null });
    const token = await latestTokenMailed(email, 'auth.register_confirm');

    const signedIn = await consumeSignInLink({ token, ip: null });
    expect(signedIn?.role).toBe('resident');
    expect((await usersWithEmail(email))[0]?.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await verifyPasswordSignIn({ email, password, ip: null })).ok).toBe(true);
  });
});
