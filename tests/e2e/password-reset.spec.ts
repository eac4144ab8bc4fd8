import { choosePreferences, either, expect, test } from '../fixtures/e2e';
import {
  linkFromMail,
  registerConfirmedResident,
  signInWithPassword,
  signOut,
} from '../fixtures/e2e-resident';

const RESET_SUBJECT = either('重设您的万家密码', 'Reset your Wanjia password');

test.describe('forgetting the password', () => {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(
      javaScriptEnabled ? 'with JavaScript' : 'without JavaScript',
      { tag: javaScriptEnabled ? '@js-twin' : [] },
      () => {
        test.use({ javaScriptEnabled });

        test('a resident resets the password from the mailed link and signs in with the new one', async ({
          page,
          context,
        }) => {
          await choosePreferences(context, { locale: 'en' });
          const resident = await registerConfirmedResident(page, 'reset');
          await signOut(page);

          await page.goto('/forgot-password');
          await page.getByRole('main').getByLabel('E-mail address').fill(resident.email);
          await page.getByRole('main').getByRole('button', { name: 'Send the reset link' }).click();
          await expect(page).toHaveURL(/\/check-inbox/);

          const link = await linkFromMail(page, resident.email, RESET_SUBJECT, '/reset-password');
          await page.goto(link);
          const newPassword = 'A-brand-new-password-42';
          await page.getByRole('main').getByLabel('New password').fill(newPassword);
          await page.getByRole('main').getByLabel('Enter the password again').fill(newPassword);
          await page
            .getByRole('main')
            .getByRole('button', { name: 'Save the new password' })
            .click();
          await expect(page).toHaveURL(/\/sign-in/);
          await expect(page.getByRole('main')).toContainText(
            'Your password has been changed. Sign in with the new one.',
          );

          // The old password no longer opens the account; the new one does.
          await page.getByRole('main').getByLabel('E-mail address').fill(resident.email);
          await page
            .getByRole('main')
            .getByLabel('Password', { exact: true })
            .fill(resident.password);
          await page
            .getByRole('main')
            .getByRole('button', { name: 'Sign in', exact: true })
            .click();
          await expect(page.getByRole('main')).toContainText(
            'The e-mail address or password is incorrect.',
          );
          await signInWithPassword(page, resident.email, newPassword);

          // The link worked once.
          await signOut(page);
          await page.goto(link);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(
            'This reset link no longer works',
          );
        });
      },
    );
  }
});
