import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import {
  choosePreferences,
  either,
  expect,
  expectAccessibleInEveryVariant,
  keepScreenshot,
  test,
} from '../fixtures/e2e';
import { signInWithPassword } from '../fixtures/e2e-resident';
import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import { DEMO_LANDLORD, DEMO_RESIDENT } from '../../scripts/seed/demo-people';

/**
 * The e2e server bills the seeded months with `npm run billing` after seeding
 * (scripts/ci/e2e-server.ts), so the demo resident has bills to read.
 */

/** From the dashboard, the first account's bill list, then its latest bill; returns its path. */
async function openLatestBill(page: Page): Promise<string> {
  await page.goto('/dashboard');
  await page
    .getByRole('main')
    .getByRole('link', { name: either('的账单', 'Bills for account') })
    .first()
    .click();
  await expect(page).toHaveURL(/\/accounts\/\d+\/bills$/);
  // Every bill says where it stands. The month before the latest was due weeks ago: it is
  // overdue, or paid if another test paid this account's balance first.
  const list = page.getByRole('main').getByRole('table');
  await expect(
    list.getByRole('columnheader', { name: either('缴费状态', 'Payment') }),
  ).toBeVisible();
  await expect(list.locator('tbody tr').nth(1)).toContainText(/已逾期|已缴清|Overdue|Paid/);
  await list.locator('a[href^="/bills/"]').first().click();
  await expect(page).toHaveURL(/\/bills\/\d+$/);
  return new URL(page.url()).pathname;
}

/** Opens the latest bill; returns its path and the path of its account's bill list. */
async function openLatestBillAndList(page: Page) {
  const billPath = await openLatestBill(page);
  const listPath = await page
    .getByRole('main')
    .getByRole('link', { name: either('返回全部账单', 'All bills') })
    .getAttribute('href');
  return { billPath, listPath };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    `bills, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`,
    { tag: javaScriptEnabled ? '@js-twin' : [] },
    () => {
      test.use({ javaScriptEnabled });

      test('a resident opens a bill, reads how each line was worked out and downloads the PDF', async ({
        page,
        context,
      }, testInfo) => {
        await choosePreferences(context, { locale: 'zh-CN' });
        await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
        await expect(page.getByRole('main')).toContainText('最新账单');
        await openLatestBill(page);

        const main = page.getByRole('main');
        await expect(main.getByRole('heading', { level: 1 })).toHaveText(
          /(水费|电费)账单 · \d{4}年\d{1,2}月/,
        );
        await expect(main.getByRole('heading', { name: '费用明细' })).toBeVisible();
        await expect(main.getByRole('table').first()).toContainText(
          /第一档 [\d,.]+ (kWh|m³) × ¥[\d.]+ = ¥[\d,.]+/,
        );
        await expect(main.getByRole('heading', { name: '为什么这期账单不一样？' })).toBeVisible();
        const total = (await main.getByTestId('bill-total').innerText()).trim();
        expect(total).toMatch(/^¥[\d,]+\.\d{2}$/);
        await keepScreenshot(page, testInfo, `bill-detail-js-${javaScriptEnabled ? 'on' : 'off'}`);

        const [file] = await Promise.all([
          page.waitForEvent('download'),
          main.getByRole('link', { name: '下载 PDF 账单' }).click(),
        ]);
        expect(file.suggestedFilename()).toMatch(
          /^wanjia-(water|electricity)-\d+-\d{4}-\d{2}\.pdf$/,
        );
        const saved = testInfo.outputPath(file.suggestedFilename());
        await file.saveAs(saved);
        const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' });
        expect(text).toMatch(/(水费|电费)账单/);
        expect(text).toContain('本期应缴');
        expect(text).toContain(total);
      });
    },
  );
}

test('the bill reads in English when the resident chose English', async ({ page, context }) => {
  await choosePreferences(context, { locale: 'en' });
  await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
  await openLatestBill(page);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(/(Water|Electricity) bill · /);
  await expect(main.getByRole('table').first()).toContainText(/Tier 1: [\d,.]+ (kWh|m³) × ¥/);
  await expect(main.getByRole('heading', { name: 'Why is this bill different?' })).toBeVisible();
});

test('another resident gets not found for the bill and its PDF', async ({ page, context }) => {
  await choosePreferences(context, { locale: 'zh-CN' });
  await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
  const { billPath, listPath } = await openLatestBillAndList(page);
  await context.clearCookies();

  await choosePreferences(context, { locale: 'zh-CN' });
  await signInWithPassword(page, DEMO_LANDLORD.email, E2E_DEMO_PASSWORD);
  for (const path of [billPath, `${billPath}/pdf`, listPath ?? '/accounts/0/bills']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('main')).toContainText('找不到该页面');
  }
});

test(
  'bill pages are accessible in both languages and in large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
    const { billPath, listPath } = await openLatestBillAndList(page);
    for (const path of ['/dashboard', listPath ?? '/', billPath]) {
      await expectAccessibleInEveryVariant(page, context, path);
    }
  },
);
