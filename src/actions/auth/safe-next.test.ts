import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/accounts/12?tab=bills', '/accounts/12?tab=bills'],
    ['/staff#search', '/staff#search'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });

  it.each([
    ['another origin', 'https://evil.example/dashboard'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'dashboard'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a control character', '/dash\nboard'],
    ['nothing', ''],
    ['not a string', null],
    ['a very long path', `/${'a'.repeat(600)}`],
  ])('drops %s', (_name, input) => {
    expect(safeNext(input)).toBeNull();
  });
});
