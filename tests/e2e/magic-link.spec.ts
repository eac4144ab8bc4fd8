import type { Page } from '@playwright/test';
import { choosePreferences, either, expect, test, uniqueEmail } from '../fixtures/e2e';
import {
  continueFromMailLink,
  linkFromMail,
  registerConfirmedResident,
  SIGN_IN_LINK_SUBJECT,
  signOut,
} from '../fixtures/e2e-resident';

async function requestSignInLink(page: Page, email: string) {
  await page.goto('/sign-in/email');
  const form = page.getByRole('main');
  await form.getByLabel(either('电子邮箱', 'E-mail address')).fill(email);
  await form.getByRole('button', { name: either('发送登录链接', 'Send the sign-in link') }).click();
  await expect(page).toHaveURL(/\/check-inbox/);
}

test.describe('signing in with a link from the outbox', () => {
  test('a resident signs in with the mailed link, and the link works only once', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    const resident = await registerConfirmedResident(page, 'magic');
    await signOut(page);

    await requestSignInLink(page, resident.email);
    const link = await linkFromMail(page, resident.email, SIGN_IN_LINK_SUBJECT, '/auth/link');
    await continueFromMailLink(page, link);

    await signOut(page);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link no longer works');
    await expect(
      page.getByRole('main').getByRole('button', { name: 'Continue signing in' }),
    ).toHaveCount(0);
  });

  test('an unknown address gets the same answer, and its link opens a new account', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    const newcomer = uniqueEmail('newcomer');
    await requestSignInLink(page, newcomer);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');

    const link = await linkFromMail(page, newcomer, SIGN_IN_LINK_SUBJECT, '/auth/link');
    await continueFromMailLink(page, link);
    await page.goto('/dashboard');
    await expect(page.getByRole('main')).toContainText('No account linked yet');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the mailed link signs the resident in', async ({ page }) => {
      const resident = await registerConfirmedResident(page, 'magic-nojs');
      await signOut(page);
      await requestSignInLink(page, resident.email);
      const link = await linkFromMail(page, resident.email, SIGN_IN_LINK_SUBJECT, '/auth/link');
      await continueFromMailLink(page, link);
    });
  });
});
