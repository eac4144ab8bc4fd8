import {
  choosePreferences,
  expectNoAxeViolations,
  keepScreenshot,
  type TLocale,
  expect,
  test,
} from '../fixtures/e2e';

test.describe('the home page', () => {
  for (const locale of ['zh-CN', 'en'] as const satisfies TLocale[]) {
    for (const largeText of [false, true]) {
      test(
        `has no accessibility violations in ${locale}${largeText ? ' with large text' : ''}`,
        { tag: '@a11y' },
        async ({ page, context }, testInfo) => {
          await choosePreferences(context, { locale, largeText });
          await page.goto('/');
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expectNoAxeViolations(page);
          await keepScreenshot(page, testInfo, `home-${locale}${largeText ? '-large' : ''}`);
        },
      );
    }
  }

  test('sends the security headers', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  });

  test('lets a keyboard user skip straight to the main content', async ({ page, context }) => {
    await choosePreferences(context, { locale: 'en' });
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });
});

test.describe('the home page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('switches between Chinese and English and remembers the choice', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeAttached();
  });

  test('turns the large-text mode on and off', async ({ page, context }) => {
    await choosePreferences(context, { locale: 'en' });
    await page.goto('/');
    const html = page.locator('html');
    await expect(html).not.toHaveClass(/text-large/);

    await page.getByRole('button', { name: 'Large text' }).click();
    await expect(html).toHaveClass(/text-large/);
    const baseSize = await html.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(baseSize).toBeGreaterThanOrEqual(18);
    const target = await page
      .getByRole('button', { name: 'Standard text' })
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(target).toBeGreaterThanOrEqual(48);

    await page.getByRole('button', { name: 'Standard text' }).click();
    await expect(html).not.toHaveClass(/text-large/);
  });
});
