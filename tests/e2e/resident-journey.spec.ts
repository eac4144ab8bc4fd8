import type { Page } from '@playwright/test';
import { choosePreferences, expect, keepScreenshot, test, type TLocale } from '../fixtures/e2e';
import {
  confirmByMail,
  householdFor,
  linkHousehold,
  newResident,
  register,
  signInWithPassword,
  signOut,
} from '../fixtures/e2e-resident';

/**
 * The journey every resident takes first: register, confirm the address from the mail, sign in,
 * link the household's water and electricity accounts, and find both on the dashboard.
 */
async function residentJourney(page: Page, slot: 'journeyEn' | 'journeyZh' | 'journeyNoJs') {
  const resident = newResident(slot);
  const household = householdFor(slot);

  await register(page, resident);
  await confirmByMail(page, resident);
  await signOut(page);
  await signInWithPassword(page, resident.email, resident.password);

  await linkHousehold(page, household);

  await page.goto('/dashboard');
  const main = page.getByRole('main');
  await expect(main).toContainText(household.water.accountNumber);
  await expect(main).toContainText(household.electricity.accountNumber);
  if ((await page.locator('html').getAttribute('lang')) === 'en') {
    await expect(main).toContainText('Water');
    await expect(main).toContainText('Electricity');
  }
}

for (const locale of ['zh-CN', 'en'] as const satisfies TLocale[]) {
  test(`a new resident registers, confirms by mail, signs in and links two accounts (${locale})`, async ({
    page,
    context,
  }, testInfo) => {
    await choosePreferences(context, { locale });
    await residentJourney(page, locale === 'en' ? 'journeyEn' : 'journeyZh');
    await keepScreenshot(page, testInfo, `dashboard-two-accounts-${locale}`);
  });
}

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('a new resident registers, confirms by mail, signs in and links two accounts', async ({
    page,
  }, testInfo) => {
    // Chinese, the default language, on a browser without JavaScript.
    await residentJourney(page, 'journeyNoJs');
    await keepScreenshot(page, testInfo, 'dashboard-two-accounts-no-js');
  });

  test('a wrong account number and code pair gets one message next to the form, nothing linked', async ({
    page,
  }) => {
    const resident = newResident('wrong-code');
    const household = householdFor('wrongCode');
    await register(page, resident);
    await confirmByMail(page, resident);

    await page.goto('/accounts/link');
    const form = page.getByRole('main');
    await form.getByLabel(/^(户号|Account number)$/).fill(household.water.accountNumber);
    const wrongCode = household.water.verificationCode === '000000' ? '111111' : '000000';
    await form.getByLabel(/^(验证码|Verification code)$/).fill(wrongCode);
    await form.getByRole('button', { name: /^(绑定|Link account)$/ }).click();
    await expect(page).toHaveURL(/\/accounts\/link/);
    await expect(form.getByRole('alert')).toBeVisible();

    await page.goto('/dashboard');
    await expect(page.getByRole('main')).not.toContainText(household.water.accountNumber);
  });
});
