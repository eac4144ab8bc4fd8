import { describe, expect, it } from 'vitest';
import { env } from '@/env';
import { verifyPasswordSignIn } from '@/server/auth/verify-password-sign-in';
import { createUser, minutesLater, uniqueEmail } from '../../fixtures/auth';

describe('signing in with a password', () => {
  it('lets the right password in and names the user and role', async () => {
    const user = await createUser({ role: 'agent' });
    const result = await verifyPasswordSignIn({
      email: `  ${user.email.toUpperCase()}`,
      password: user.password ?? '',
      ip: '10.1.0.1',
    });
    expect(result).toEqual({ ok: true, user: { id: user.id, role: 'agent' } });
  });

  it('answers a wrong password, an unknown address and a disabled user identically', async () => {
    const user = await createUser();
    const disabled = await createUser({ disabled: true });

    const wrong = await verifyPasswordSignIn({
      email: user.email,
      password: 'wrong password!',
      ip: null,
    });
    const unknown = await verifyPasswordSignIn({
      email: uniqueEmail('nobody'),
      password: 'whatever123',
      ip: null,
    });
    const off = await verifyPasswordSignIn({
      email: disabled.email,
      password: disabled.password ?? '',
      ip: null,
    });

    expect(wrong).toEqual({ ok: false, error: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect(off).toEqual(wrong);
  });

  it('refuses even the right password after too many failures for that address, until the window passes', async () => {
    const user = await createUser();
    const start = new Date('2026-03-01T08:00:00Z');
    for (let i = 0; i < env.SIGNIN_MAX_FAILURES_PER_EMAIL; i += 1) {
      const attempt = await verifyPasswordSignIn({
        email: user.email,
        password: 'wrong password!',
        ip: `10.2.0.${i}`,
        now: minutesLater(start, i),
      });
      expect(attempt).toEqual({ ok: false, error: 'invalid' });
    }

    const locked = await verifyPasswordSignIn({
      email: user.email,
      password: user.password ?? '',
      ip: '10.2.1.1',
      now: minutesLater(start, env.SIGNIN_MAX_FAILURES_PER_EMAIL),
    });
    expect(locked.ok).toBe(false);
    expect(locked).toMatchObject({ error: 'throttled' });
    if (!locked.ok && locked.error === 'throttled')
      expect(locked.retryAfterMinutes).toBeGreaterThan(0);

    const later = await verifyPasswordSignIn({
      email: user.email,
      password: user.password ?? '',
      ip: '10.2.1.1',
      now: minutesLater(start, env.SIGNIN_WINDOW_MINUTES + 1),
    });
    expect(later.ok).toBe(true);
  });

  it('refuses one IP that fails across many addresses, while other IPs still get in', async () => {
    const victim = await createUser();
    const now = new Date('2026-03-02T08:00:00Z');
    for (let i = 0; i < env.SIGNIN_MAX_FAILURES_PER_IP; i += 1) {
      await verifyPasswordSignIn({
        email: uniqueEmail('probe'),
        password: 'guess-guess-guess',
        ip: '192.0.2.66',
        now,
      });
    }

    const fromBadIp = await verifyPasswordSignIn({
      email: victim.email,
      password: victim.password ?? '',
      ip: '192.0.2.66',
      now,
    });
    expect(fromBadIp).toMatchObject({ ok: false, error: 'throttled' });

    const fromOtherIp = await verifyPasswordSignIn({
      email: victim.email,
      password: victim.password ?? '',
      ip: '192.0.2.7',
      now,
    });
    expect(fromOtherIp.ok).toBe(true);
  });

  it('forgets earlier failures for an address once its owner signs in', async () => {
    const user = await createUser();
    const now = new Date('2026-03-03T08:00:00Z');
    for (let i = 0; i < env.SIGNIN_MAX_FAILURES_PER_EMAIL - 1; i += 1) {
      await verifyPasswordSignIn({ email: user.email, password: 'wrong password!', ip: null, now });
    }
    expect(
      (
        await verifyPasswordSignIn({
          email: user.email,
          password: user.password ?? '',
          ip: null,
          now,
        })
      ).ok,
    ).toBe(true);

    await verifyPasswordSignIn({ email: user.email, password: 'wrong password!', ip: null, now });
    expect(
      (
        await verifyPasswordSignIn({
          email: user.email,
          password: user.password ?? '',
          ip: null,
          now,
        })
      ).ok,
    ).toBe(true);
  });
});
