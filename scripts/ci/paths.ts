/** Files the test runners and the CI scripts share. Relative to the repository root. */
export const PLAYWRIGHT_REPORT_FILE = '.test-output/playwright.json';
export const E2E_DIST_DIR = '.next-e2e';
/** E2E_PORT lets a second checkout run its e2e tests beside another one on the same machine. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3200);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
