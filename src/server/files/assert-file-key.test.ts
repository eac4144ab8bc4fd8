import { describe, expect, it } from 'vitest';
import { assertFileKey } from './assert-file-key';

describe('file-store keys', () => {
  it.each(['reports/2025/12-zh-CN.pdf', 'a.pdf', 'attachments/7/photo_1.jpg'])(
    'accepts %s',
    (key) => {
      expect(() => assertFileKey(key)).not.toThrow();
    },
  );

  it.each(['', '../etc/passwd', 'reports/../../x', '/abs/path', 'a//b', 'reports/.hidden', 'a\\b'])(
    'refuses %j, which could leave the store',
    (key) => {
      expect(() => assertFileKey(key)).toThrow(/Invalid file-store key/);
    },
  );
});
