import { spawnSync } from 'node:child_process';

/**
 * Debian packages the tests need: the browser (Playwright drives the headless shell; chromium is
 * there for looking at pages by hand), CJK fonts for screenshots and PDFs, PDF and XML tools.
 */
export const SYSTEM_PACKAGES = [
  'chromium',
  'chromium-headless-shell',
  'fonts-noto-cjk',
  'fonts-wqy-microhei',
  'poppler-utils',
  'libxml2-utils',
] as const;

export function missingSystemPackages(): string[] {
  return SYSTEM_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

export function installCommand(packages: readonly string[]): string {
  return `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * Installs what is missing when running as root; otherwise names the one command to run.
 * Returns false when the tests cannot run yet.
 */
export function ensureSystemPackages(): boolean {
  const missing = missingSystemPackages();
  if (missing.length === 0) return true;
  const command = installCommand(SYSTEM_PACKAGES);
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing system packages: ${missing.join(', ')}. Run as root:\n  sudo ${command}`,
    );
    return false;
  }
  console.log(`Installing system packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status;
  // A fresh machine may have no package lists yet: update once and retry.
  if (apt(['install', '-y', '--no-install-recommends', ...SYSTEM_PACKAGES]) !== 0) {
    if (apt(['update']) !== 0) return false;
    if (apt(['install', '-y', '--no-install-recommends', ...SYSTEM_PACKAGES]) !== 0) return false;
  }
  return missingSystemPackages().length === 0;
}
