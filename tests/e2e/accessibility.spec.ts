import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import {
  choosePreferences,
  expectAccessibleInEveryVariant,
  expectNoAxeViolations,
  PAGE_VARIANTS,
  expect,
  test,
} from '../fixtures/e2e';
import {
  householdFor,
  linkAccount,
  registerConfirmedResident,
  signInWithPassword,
} from '../fixtures/e2e-resident';

/** axe (WCAG 2.2 AA) on every page, in Chinese and English, standard and large text. */
test.describe('accessibility of every page', { tag: '@a11y' }, () => {
  const publicPages = [
    '/',
    '/sign-in',
    '/sign-in/email',
    '/register',
    '/forgot-password',
    '/check-inbox?reason=register',
    '/check-inbox?reason=link',
    '/check-inbox?reason=reset',
    '/auth/link?token=not-a-real-token',
    '/reset-password?token=not-a-real-token',
    '/dev/outbox',
  ];
  for (const path of publicPages) {
    test(`${path} has no violations`, async ({ page, context }) => {
      await expectAccessibleInEveryVariant(page, context, path);
    });
  }

  test('the not-found page has no violations', async ({ page, context }) => {
    await expectAccessibleInEveryVariant(page, context, '/no-such-page', { expectStatus: 404 });
  });

  test('forms showing their errors have no violations', async ({ page, context }) => {
    const desktop = page.viewportSize();
    for (const variant of PAGE_VARIANTS) {
      await choosePreferences(context, variant);
      const viewport = variant.viewport ?? desktop;
      if (viewport) await page.setViewportSize(viewport);
      await page.goto('/register');
      await page
        .getByRole('main')
        .getByRole('button', { name: /^(注册|Register)$/ })
        .click();
      await expect(page.getByRole('main').locator('[aria-invalid="true"]').first()).toBeVisible();
      await expectNoAxeViolations(page);

      await page.goto('/sign-in');
      await page
        .getByRole('main')
        .getByRole('button', { name: /^(登录|Sign in)$/ })
        .click();
      await expect(page.getByRole('main').locator('[aria-invalid="true"]').first()).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });

  test("a resident's pages have no violations", async ({ page, context }) => {
    test.setTimeout(180_000);
    const resident = await registerConfirmedResident(page, 'axe');
    const household = householdFor('accessibility');
    await expectAccessibleInEveryVariant(page, context, '/dashboard');
    await linkAccount(page, household.water.accountNumber, household.water.verificationCode);
    await expectAccessibleInEveryVariant(page, context, '/dashboard');
    await expectAccessibleInEveryVariant(page, context, '/accounts/link');

    const hrefs = await page
      .getByRole('main')
      .locator('a[href^="/accounts/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    await page.goto('/dashboard');
    const detailHrefs = await page
      .getByRole('main')
      .locator('a[href^="/accounts/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const detail = [...hrefs, ...detailHrefs].find((href) => /^\/accounts\/\d+$/.test(href));
    expect(detail, 'a link to the account details on the dashboard').toBeTruthy();
    await expectAccessibleInEveryVariant(page, context, detail ?? '/');
    await expectAccessibleInEveryVariant(page, context, `${detail ?? ''}/unlink`);

    await expectAccessibleInEveryVariant(
      page,
      context,
      `/dev/outbox?to=${encodeURIComponent(resident.email)}`,
    );
    await page.goto(`/dev/outbox?to=${encodeURIComponent(resident.email)}`);
    const mailHref = await page
      .getByTestId('mail-item')
      .first()
      .getByRole('link')
      .first()
      .getAttribute('href');
    await expectAccessibleInEveryVariant(page, context, mailHref ?? '/dev/outbox');
  });

  test('staff pages have no violations', async ({ page, context }) => {
    test.setTimeout(180_000);
    const household = householdFor('accessibility');
    await signInWithPassword(page, 'admin@wanjia.example', E2E_DEMO_PASSWORD);
    await expectAccessibleInEveryVariant(page, context, '/staff');
    await expectAccessibleInEveryVariant(page, context, '/staff/users');
    await expectAccessibleInEveryVariant(
      page,
      context,
      `/staff/accounts?q=${household.water.accountNumber}`,
    );
    const accountHref = await page
      .getByRole('main')
      .locator('a[href^="/staff/accounts/"]')
      .first()
      .getAttribute('href');
    expect(accountHref, 'a search result linking to the account').toBeTruthy();
    await expectAccessibleInEveryVariant(page, context, accountHref ?? '/staff');
    const billHref = await page
      .getByRole('main')
      .locator('a[href^="/staff/bills/"]')
      .first()
      .getAttribute('href');
    expect(billHref, 'the account view linking to a bill').toBeTruthy();
    await expectAccessibleInEveryVariant(page, context, billHref ?? '/staff');
  });
});
