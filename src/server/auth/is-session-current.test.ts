import { describe, expect, it } from 'vitest';
import { isSessionCurrent } from './is-session-current';

const reset = new Date('2026-11-25T10:00:00.750Z');
const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

describe('isSessionCurrent', () => {
  it.each([
    ['a user who never reset their password', seconds('2020-01-01T00:00:00Z'), null, true],
    ['a session issued before the reset', seconds('2026-11-25T09:59:59Z'), reset, false],
    [
      'a session issued in the same second as the reset',
      seconds('2026-11-25T10:00:00Z'),
      reset,
      true,
    ],
    ['a session issued after the reset', seconds('2026-11-25T10:05:00Z'), reset, true],
    ['a session without an issue time after a reset', undefined, reset, false],
  ])('%s', (_label, iat, validAfter, expected) => {
    expect(isSessionCurrent(iat, validAfter)).toBe(expected);
  });
});
