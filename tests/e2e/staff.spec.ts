import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import { choosePreferences, expect, test } from '../fixtures/e2e';
import {
  householdFor,
  registerConfirmedResident,
  signInWithPassword,
} from '../fixtures/e2e-resident';

test.describe('the staff area, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an agent finds an account by its number and opens it, and the view is recorded', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    const { water } = householdFor('staff');
    await signInWithPassword(page, 'agent@wanjia.example', E2E_DEMO_PASSWORD);

    await page.goto('/staff/accounts');
    await page
      .getByRole('main')
      .getByLabel("Account number, holder's name or address")
      .fill(water.accountNumber);
    await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/accounts\\?q=${water.accountNumber}`));
    await page
      .getByRole('main')
      .getByRole('link', { name: new RegExp(water.accountNumber) })
      .first()
      .click();

    await expect(page).toHaveURL(/\/staff\/accounts\/\d+/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(water.accountNumber);
    await expect(page.getByRole('main')).toContainText(
      'Your view of this account has been recorded in the audit log.',
    );
    // The bills, each with where it stands, for a resident asking on the phone.
    const bills = page.getByRole('region', { name: 'Bills' });
    await expect(bills.getByRole('columnheader', { name: 'Payment' })).toBeVisible();
    await expect(bills.locator('tbody tr').first()).toContainText(
      /Paid|To pay by|still to pay|Overdue/,
    );

    const firstStatus = (
      await bills.locator('tbody tr').first().locator('td').last().innerText()
    ).trim();

    // Opening one shows the agent what the resident sees: every line worked out, and where the
    // bill stands, as the list said.
    await bills.locator('a[href^="/staff/bills/"]').first().click();
    await expect(page).toHaveURL(/\/staff\/bills\/\d+$/);
    const bill = page.getByRole('main');
    await expect(bill.getByRole('heading', { level: 1 })).toHaveText(/(Water|Electricity) bill · /);
    await expect(bill.getByRole('table').first()).toContainText(/Tier 1: [\d,.]+ (kWh|m³) × ¥/);
    await expect(bill).toContainText('Your view of this bill has been recorded in the audit log.');
    await expect(bill.getByTestId('bill-payment-status')).toHaveText(
      `Payment status: ${firstStatus}`,
    );
  });

  test('a resident who tries the staff area finds nothing there', async ({ page, context }) => {
    await choosePreferences(context, { locale: 'en' });
    await registerConfirmedResident(page, 'nosy');
    const { water } = householdFor('staff');
    for (const path of [
      '/staff',
      '/staff/users',
      `/staff/accounts?q=${water.accountNumber}`,
      '/staff/bills/1',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator('body')).not.toContainText(water.accountNumber);
    }
  });
});
