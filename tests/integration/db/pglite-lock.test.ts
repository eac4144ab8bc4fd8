import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '@/server/db/open-database';

const dir = mkdtempSync(path.join(tmpdir(), 'wanjia-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database lock', () => {
  it('makes a second process on the same PGlite directory fail fast, naming the lock file', () => {
    const dataDir = path.join(dir, 'pglite');
    const release = acquireLock(`${dataDir}.lock`);
    try {
      const child = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/migrate.ts'], {
        env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status).not.toBe(0);
      expect(child.stderr).toContain(`lock file ${dataDir}.lock`);
      expect(child.stderr).toContain(`in use by process ${process.pid}`);
    } finally {
      release();
    }
  });

  it('takes over a lock left behind by a process that no longer exists', () => {
    const lockPath = path.join(dir, 'stale.lock');
    const dead = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(lockPath, dead.stdout);
    const release = acquireLock(lockPath);
    expect(readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
  });
});
