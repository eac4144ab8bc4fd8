import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id and verifies the same password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
  });

  it('rejects a different password, including a change of case or a trailing space', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(hash, 'correct horse battery staple ')).toBe(false);
  });

  it('salts every hash, so the same password never hashes the same twice', async () => {
    const a = await hashPassword('same password here');
    const b = await hashPassword('same password here');
    expect(a).not.toBe(b);
    expect(await verifyPassword(b, 'same password here')).toBe(true);
  });

  it('round-trips Chinese and long passwords', async () => {
    const chinese = '我家的水电费每个月按时交';
    const long = 'x'.repeat(200);
    expect(await verifyPassword(await hashPassword(chinese), chinese)).toBe(true);
    expect(await verifyPassword(await hashPassword(long), long)).toBe(true);
  });

  it('answers false rather than throwing for a damaged hash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
  });
});
