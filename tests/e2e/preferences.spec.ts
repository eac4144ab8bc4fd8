import { choosePreferences, expect, keepScreenshot, test } from '../fixtures/e2e';
import { householdFor, linkHousehold, registerConfirmedResident } from '../fixtures/e2e-resident';

test.describe('language and elder mode for a signed-in resident', () => {
  test('switching language on the dashboard keeps the resident on the dashboard, signed in', async ({
    page,
  }, testInfo) => {
    await registerConfirmedResident(page, 'language');
    const household = householdFor('preferences');
    await linkHousehold(page, household);
    await page.goto('/dashboard');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('main')).toContainText('我的户号');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main')).toContainText('My service accounts');
    await expect(page.getByRole('main')).toContainText(household.water.accountNumber);
    await keepScreenshot(page, testInfo, 'dashboard-en');

    // The choice follows the resident to the next page.
    await page.goto('/accounts/link');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Link an account');
  });

  test('elder mode enlarges text and targets on the dashboard and stays on across pages', async ({
    page,
    context,
  }, testInfo) => {
    await choosePreferences(context, { locale: 'en' });
    await registerConfirmedResident(page, 'elder');
    await page.goto('/dashboard');
    await page.getByRole('button', { name: 'Large text' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    const html = page.locator('html');
    await expect(html).toHaveClass(/text-large/);
    expect(
      await html.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(18);

    await page.goto('/accounts/link');
    await expect(html).toHaveClass(/text-large/);
    // Every button and text field on the page is at least 48 px tall.
    const heights = await page
      .getByRole('main')
      .locator('button, input:not([type=hidden])')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(48);
    await keepScreenshot(page, testInfo, 'link-account-large-text-en');

    await page.getByRole('button', { name: 'Standard text' }).click();
    await expect(html).not.toHaveClass(/text-large/);
  });
});
