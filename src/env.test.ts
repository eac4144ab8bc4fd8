import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('fills in defaults so a fresh checkout runs on the embedded database', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe('.data/pglite');
    expect(env.NODE_ENV).toBe('development');
    expect(env.SIGNIN_MAX_FAILURES_PER_EMAIL).toBe(5);
    expect(env.DATABASE_POOL_MAX).toBe(20);
  });

  it('treats empty strings from .env files as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', SMTP_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('coerces numbers and booleans from strings', () => {
    const env = parseEnv({ SIGNIN_WINDOW_MINUTES: '30', TRUST_PROXY: 'true', JOBS_IN_SERVER: '0' });
    expect(env.SIGNIN_WINDOW_MINUTES).toBe(30);
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.JOBS_IN_SERVER).toBe(false);
  });

  it.each([
    ['DATABASE_URL', 'not a url'],
    ['SIGNIN_WINDOW_MINUTES', '0'],
    ['SIGNIN_WINDOW_MINUTES', 'soon'],
    ['DATABASE_POOL_MAX', '0'],
    ['STRIPE_SECRET_KEY', 'pk_live_123'],
    ['AUTH_SECRET', 'short'],
  ])('rejects %s=%s with a message naming the setting', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(name);
  });

  it('refuses to start in production without AUTH_SECRET', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /AUTH_SECRET is required in production/,
    );
  });

  it('starts in production with a secret', () => {
    const env = parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) });
    expect(env.AUTH_SECRET).toHaveLength(40);
  });
});
