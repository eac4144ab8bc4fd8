import type { Page, Request } from '@playwright/test';
import { either, expect, test } from '../fixtures/e2e';
import { signInWithPassword } from '../fixtures/e2e-resident';
import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import { DEMO_RESIDENT } from '../../scripts/seed/demo-people';

// ADR 017: links navigate on the client and never prefetch.

/** Requests for pages (full documents, or the client router's RSC fetches) from now on. */
function recordPageRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document' || request.headers()['rsc'] === '1') {
      seen.push(request);
    }
  });
  return seen;
}

const billsLink = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('link', { name: either('的账单', 'Bills for account') })
    .first();

test.describe('links, with JavaScript', () => {
  test.beforeEach(async ({ page }) => {
    await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
    await page.goto('/dashboard');
    // Hydrated: links follow the client router only once the page has hydrated.
    await page.waitForLoadState('networkidle');
  });

  test('are followed on the client: only the new page is fetched, nothing in advance', async ({
    page,
  }) => {
    const requests = recordPageRequests(page);
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await page.mouse.wheel(0, 4000); // every link on the page has been in view
    await page.waitForTimeout(500);
    expect(requests.map((r) => r.url())).toEqual([]); // no prefetch

    const href = await billsLink(page).getAttribute('href');
    await billsLink(page).click();
    await expect(page).toHaveURL(/\/accounts\/\d+\/bills$/);
    await expect(page.getByRole('main').getByRole('table')).toBeVisible();
    // The same document: the page was not reloaded…
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    // …and the only page request is the router's fetch of the one chosen.
    expect(requests.map((r) => [r.resourceType(), new URL(r.url()).pathname])).toEqual([
      ['fetch', href],
    ]);

    await page.goBack();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('a click meaning a new tab is left to the browser', async ({ page, context }) => {
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      billsLink(page).click({ modifiers: ['ControlOrMeta'] }),
    ]);
    await opened.waitForURL(/\/accounts\/\d+\/bills$/);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
  });
});
