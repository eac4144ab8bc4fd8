import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL, E2E_PORT, PLAYWRIGHT_REPORT_FILE } from './scripts/ci/paths';

/**
 * End-to-end tests against a production build (`next start`) on a fresh, seeded database:
 * PostgreSQL when DATABASE_URL is set, PGlite otherwise (scripts/ci/e2e-server.ts).
 * Debian's chromium-headless-shell (the old headless shell Playwright itself prefers), because
 * browser downloads are not possible here: it needs about a third of the CPU of the full
 * chromium in headless mode (30 page loads on this machine: 11 s of CPU against 40 s), and the
 * browser was most of what an e2e run spends on two cores.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.test-output/playwright',
  fullyParallel: true,
  // PGlite is single-threaded and the machine has two cores: two browsers keep it busy.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: PLAYWRIGHT_REPORT_FILE }]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    // Recording a trace for every test costs CPU on a 2-core machine; a failure is retried
    // once in CI, and the retry records one.
    trace: 'on-first-retry',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium-headless-shell',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'npx tsx scripts/ci/e2e-server.ts',
    // Readiness is probed on the address the server binds; the browser uses localhost (cookies).
    url: `http://127.0.0.1:${E2E_PORT}/`,
    timeout: 10 * 60_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
