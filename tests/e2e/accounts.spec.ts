import { choosePreferences, expect, test } from '../fixtures/e2e';
import {
  householdFor,
  linkAccount,
  openAccountService,
  registerConfirmedResident,
  signOut,
} from '../fixtures/e2e-resident';

test.describe('a resident’s linked accounts, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('unlinking an account removes it from the dashboard, and its page is then not found', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    await registerConfirmedResident(page, 'unlink');
    const { water } = householdFor('unlink');
    await linkAccount(page, water.accountNumber, water.verificationCode);

    // The card's "more services" leads to the account page, which lists every service of the
    // account; unlinking is the plain link at its foot.
    await openAccountService(page, { accountNumber: water.accountNumber });
    const detailHref = new URL(page.url()).pathname;
    const services = page.getByRole('navigation', { name: 'Services for this account' });
    await expect(services.getByRole('link')).toHaveText([
      'Bills',
      'Usage',
      'Payment history',
      'Annual reports',
      'Direct debit',
    ]);
    for (const link of await services.getByRole('link').all()) {
      await expect(link).toHaveAttribute('href', new RegExp(`^${detailHref}/[a-z-]+$`));
    }

    await page.getByRole('main').getByRole('link', { name: 'Unlink this account' }).click();
    await expect(page.getByRole('main')).toContainText(water.accountNumber);
    await page.getByRole('main').getByRole('button', { name: 'Yes, unlink it' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole('main')).toContainText('The account is unlinked');
    await expect(page.getByRole('main')).not.toContainText(water.accountNumber);

    const response = await page.goto(detailHref ?? '/');
    expect(response?.status()).toBe(404);
  });

  test("another resident asking for someone else's account gets “not found”", async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    await registerConfirmedResident(page, 'owner');
    const { electricity } = householdFor('ownership');
    await linkAccount(page, electricity.accountNumber, electricity.verificationCode);
    await page.goto('/dashboard');
    const detailHref = await page
      .getByRole('main')
      .locator('a[href^="/accounts/"]')
      .evaluateAll((links) =>
        links.map((a) => a.getAttribute('href') ?? '').find((h) => /^\/accounts\/\d+$/.test(h)),
      );
    expect(detailHref).toBeTruthy();
    const own = await page.goto(detailHref ?? '/');
    expect(own?.status()).toBe(200);
    await expect(page.getByRole('main')).toContainText(electricity.accountNumber);
    await signOut(page);

    await registerConfirmedResident(page, 'stranger');
    const foreign = await page.goto(detailHref ?? '/');
    expect(foreign?.status()).toBe(404);
    await expect(page.locator('body')).not.toContainText(electricity.accountNumber);
    const foreignUnlink = await page.goto(`${detailHref ?? ''}/unlink`);
    expect(foreignUnlink?.status()).toBe(404);
    await expect(page.locator('body')).not.toContainText(electricity.accountNumber);
  });

  test('an account page that does not exist says so, in words, without JavaScript', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    await registerConfirmedResident(page, 'missing');
    const response = await page.goto('/accounts/987654321');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('link', { name: 'Back to the home page' })).toBeVisible();
  });
});
