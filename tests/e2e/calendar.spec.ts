import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import {
  choosePreferences,
  expect,
  expectAccessibleInEveryVariant,
  keepScreenshot,
  test,
} from '../fixtures/e2e';
import { signInWithPassword } from '../fixtures/e2e-resident';

test.describe('the working calendar, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a supervisor enters next year’s holidays: a bad line is named and nothing typed is lost', async ({
    page,
    context,
  }, testInfo) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    await signInWithPassword(page, 'supervisor@wanjia.example', E2E_DEMO_PASSWORD);
    await page.goto('/staff');
    await page
      .getByRole('main')
      .getByRole('link', { name: /维护工作日历/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作日历');
    const main = page.getByRole('main');
    // Built into the code: this year's schedule; next year's is not published yet.
    await expect(main.getByRole('row', { name: /^2026/ })).toContainText('2026-10-01 ~ 2026-10-07');
    await expect(main).toContainText('2027年的节假日安排还没有录入');

    await main.getByLabel('年份', { exact: true }).fill('2027');
    await main.getByLabel('依据').fill('国务院办公厅关于2027年部分节假日安排的通知');
    await main.getByLabel('放假日期').fill('2027-01-01 ~ 2027-01-03\n2027-02-30');
    await main.getByLabel('调休上班日').fill('2027-02-20');
    await main.getByRole('button', { name: '保存这一年' }).click();
    await expect(main.getByLabel('放假日期')).toHaveAccessibleDescription(/第2行不是日期或日期段/);
    await expect(main.getByLabel('放假日期')).toHaveValue('2027-01-01 ~ 2027-01-03\n2027-02-30');
    await keepScreenshot(page, testInfo, 'calendar-bad-line');

    await main.getByLabel('放假日期').fill('2027-01-01 ~ 2027-01-03\n2027-02-06 ~ 2027-02-14');
    await main.getByRole('button', { name: '保存这一年' }).click();
    await expect(main).toContainText('2027年的节假日安排已保存');
    await expect(main).not.toContainText('2027年的节假日安排还没有录入');
    const row = main.getByRole('row', { name: /^2027/ });
    await expect(row).toContainText('2027-02-06 ~ 2027-02-14');
    await expect(row).toContainText('2027-02-20');
    await expect(row).toContainText('员工录入');
    await keepScreenshot(page, testInfo, 'calendar-saved');
  });

  test('an agent finds no calendar page', async ({ page }) => {
    await signInWithPassword(page, 'agent@wanjia.example', E2E_DEMO_PASSWORD);
    const response = await page.goto('/staff/calendar');
    expect(response?.status()).toBe(404);
  });
});

test(
  'the working calendar page is accessible in both languages and in large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    await signInWithPassword(page, 'supervisor@wanjia.example', E2E_DEMO_PASSWORD);
    await expectAccessibleInEveryVariant(page, context, '/staff/calendar');
    await expectAccessibleInEveryVariant(page, context, '/staff/calendar?year=2026');
  },
);
