import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decode, encode } from 'next-auth/jwt';
import type * as NextAuthJwt from 'next-auth/jwt';
import { EncryptJWT, base64url } from 'jose';
import { hkdfSync } from 'node:crypto';
import { decodeSessionToken } from './decode-session-token';

/** Counts the fallbacks to Auth.js's decode, so the tests know which path answered. */
const fallbacks = vi.hoisted(() => ({ count: 0 }));
vi.mock('next-auth/jwt', async (importOriginal) => {
  const original = await importOriginal<typeof NextAuthJwt>();
  return {
    ...original,
    decode: (params: Parameters<typeof original.decode>[0]) => {
      fallbacks.count++;
      return original.decode(params);
    },
  };
});

const secret = 'unit-test-secret-unit-test-secret-000001';
const salt = 'authjs.session-token';

/** What Auth.js's own decode says, null for anything it throws on. */
async function authJs(token: string, s = secret, c = salt) {
  try {
    return await decode({ token, secret: s, salt: c });
  } catch {
    return null;
  }
}

/** Flip one character of one part of a compact JWE (keeping it valid base64url). */
function tamper(token: string, part: number): string {
  const parts = token.split('.');
  const p = parts[part] ?? '';
  const i = Math.floor(p.length / 2);
  parts[part] = p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1);
  return parts.join('.');
}

describe('decodeSessionToken', () => {
  beforeEach(() => {
    fallbacks.count = 0;
  });

  it('reads the tokens Auth.js writes exactly as Auth.js does', async () => {
    const token = await encode({ token: { sub: 'u-1', role: 'resident' }, secret, salt });
    const ours = await decodeSessionToken({ token, secret, salt });
    expect(fallbacks.count).toBe(0);
    expect(ours).toEqual(await authJs(token));
    expect(ours).toMatchObject({ sub: 'u-1', role: 'resident' });
    expect(typeof ours?.exp).toBe('number');
  });

  it('refuses what Auth.js refuses: another secret, another cookie name, any tampered part', async () => {
    const token = await encode({ token: { sub: 'u-1', role: 'admin' }, secret, salt });
    // `fast`: refused without Auth.js's decode; the others (a kid of another key, a header that
    // is not the one Auth.js writes) are left to it.
    const cases = [
      { token, secret: 'another-secret-another-secret-another-000', salt, fast: false },
      { token, secret, salt: '__Secure-authjs.session-token', fast: false },
      { token: tamper(token, 0), secret, salt, fast: false },
      ...[2, 3, 4].map((part) => ({ token: tamper(token, part), secret, salt, fast: true })),
      { token: token.split('.').slice(0, 4).join('.'), secret, salt, fast: true },
      { token: 'not-a-token', secret, salt, fast: true },
    ];
    for (const { fast, ...c } of cases) {
      expect(await authJs(c.token, c.secret, c.salt)).toBeNull();
      fallbacks.count = 0;
      expect(await decodeSessionToken(c)).toBeNull();
      if (fast) expect(fallbacks.count).toBe(0);
    }
  });

  it('refuses a token past its expiry (beyond the same 15 s tolerance) and accepts one within it', async () => {
    const token = await encode({
      token: { sub: 'u-1', role: 'resident' },
      secret,
      salt,
      maxAge: 60,
    });
    const exp = (await authJs(token))?.exp as number;
    expect(await decodeSessionToken({ token, secret, salt }, (exp + 14) * 1000)).not.toBeNull();
    expect(await decodeSessionToken({ token, secret, salt }, (exp + 15) * 1000)).toBeNull();
    const expired = await encode({ token: { sub: 'u-1' }, secret, salt, maxAge: -60 });
    expect(await authJs(expired)).toBeNull();
    expect(await decodeSessionToken({ token: expired, secret, salt })).toBeNull();
  });

  it('leaves every other token shape to Auth.js (here an A256GCM token Auth.js accepts)', async () => {
    const key = Buffer.from(
      hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 32),
    );
    const token = await new EncryptJWT({ sub: 'u-2', role: 'agent' })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .encrypt(key);
    const expected = await authJs(token);
    expect(expected).toMatchObject({ sub: 'u-2' });
    fallbacks.count = 0;
    expect(await decodeSessionToken({ token, secret, salt })).toEqual(expected);
    expect(fallbacks.count).toBe(1);
  });

  it('accepts a token without a kid, as Auth.js does, and refuses one whose kid is not the key', async () => {
    const key = Buffer.from(
      hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64),
    );
    const withoutKid = await new EncryptJWT({ sub: 'u-3' })
      .setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512' })
      .setExpirationTime('1h')
      .encrypt(key);
    const expected = await authJs(withoutKid);
    fallbacks.count = 0;
    expect(await decodeSessionToken({ token: withoutKid, secret, salt })).toEqual(expected);
    expect(fallbacks.count).toBe(0);
    expect(await decodeSessionToken({ token: withoutKid, secret, salt })).toMatchObject({
      sub: 'u-3',
    });
    const wrongKid = await new EncryptJWT({ sub: 'u-3' })
      .setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512', kid: base64url.encode('other') })
      .setExpirationTime('1h')
      .encrypt(key);
    expect(await authJs(wrongKid)).toBeNull();
    expect(await decodeSessionToken({ token: wrongKid, secret, salt })).toBeNull();
  });
});
