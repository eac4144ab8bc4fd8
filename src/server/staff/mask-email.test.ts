import { describe, expect, it } from 'vitest';
import { maskEmail } from './mask-email';

describe('maskEmail', () => {
  it.each([
    ['zhang.wei@example.com', 'zh•••••••@example.com'],
    ['ab@example.com', 'a•••@example.com'],
    ['a@example.com', 'a•••@example.com'],
    ['not-an-email', '•••'],
  ])('shows %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
