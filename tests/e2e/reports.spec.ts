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
import {
  openAccountService,
  registerConfirmedResident,
  signInWithPassword,
  signOut,
} from '../fixtures/e2e-resident';
import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import { DEMO_RESIDENT } from '../../scripts/seed/demo-people';

/** Opens the first account's annual reports from its page's services; returns the list address. */
async function openReportsFromDashboard(page: Page): Promise<string> {
  await openAccountService(page, {
    service: either('的年度报告', 'Annual reports for account'),
  });
  await expect(page).toHaveURL(/\/accounts\/\d+\/reports$/);
  return new URL(page.url()).pathname;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    `annual reports, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`,
    { tag: javaScriptEnabled ? '@js-twin' : [] },
    () => {
      test.use({ javaScriptEnabled });

      test('a resident opens a year’s report, reads the advice and downloads the PDF', async ({
        page,
        context,
      }, testInfo) => {
        await choosePreferences(context, { locale: 'zh-CN' });
        await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
        await openReportsFromDashboard(page);

        const main = page.getByRole('main');
        const view = main.getByRole('link', { name: /^查看 \d{4} 年报告$/ }).first();
        const year = (await view.textContent())?.match(/\d{4}/)?.[0] ?? '';
        await view.click();
        await expect(main.getByRole('heading', { level: 1 })).toHaveText(
          new RegExp(`${year} 年度用(电|水)分析报告`),
        );
        await expect(main.getByRole('heading', { name: '全年概览' })).toBeVisible();
        await expect(main.getByRole('img', { name: '逐月用量' })).toBeVisible();
        await expect(main.getByRole('table')).toContainText('上一年同月');
        await expect(main.getByRole('heading', { name: '给您的建议' })).toBeVisible();
        await keepScreenshot(page, testInfo, `report-zh-js-${javaScriptEnabled ? 'on' : 'off'}`);

        const [file] = await Promise.all([
          page.waitForEvent('download'),
          main.getByRole('link', { name: '下载 PDF 版报告' }).click(),
        ]);
        expect(file.suggestedFilename()).toMatch(new RegExp(`-${year}-zh-CN\\.pdf$`));
        const saved = testInfo.outputPath(file.suggestedFilename());
        await file.saveAs(saved);
        const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' });
        expect(text).toMatch(new RegExp(`${year} 年度用(电|水)分析报告`));
        expect(text).toContain('给您的建议');
      });
    },
  );
}

test('a year without readings answers with a page that says so', async ({ page, context }) => {
  await choosePreferences(context, { locale: 'en' });
  await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
  const reports = await openReportsFromDashboard(page);

  const response = await page.goto(`${reports}/2001`);

  expect(response?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(
    'No readings in 2001',
  );
});

test('another resident gets not found for the reports and the PDF', async ({ page, context }) => {
  await choosePreferences(context, { locale: 'en' });
  await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
  const reports = await openReportsFromDashboard(page);
  await signOut(page);

  await registerConfirmedResident(page, 'reports-stranger');
  expect((await page.goto(reports))?.status()).toBe(404);
  expect((await page.goto(`${reports}/2025`))?.status()).toBe(404);
  expect((await page.goto(`${reports}/2025/pdf`))?.status()).toBe(404);
});

test.describe('billing staff, JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('start a year’s reports and watch the run complete', async ({ page, context }) => {
    test.setTimeout(120_000);
    await choosePreferences(context, { locale: 'zh-CN' });
    await signInWithPassword(page, 'billing@wanjia.example', E2E_DEMO_PASSWORD);
    await page.goto('/staff/reports');
    const main = page.getByRole('main');

    await main.getByLabel('年份').fill('1999');
    await main.getByRole('button', { name: '开始生成' }).click();
    await expect(main.getByLabel('年份')).toHaveAccessibleDescription(/2000 年到今年/);

    const year = String(new Date().getFullYear());
    await main.getByLabel('年份').fill(year);
    await main.getByRole('button', { name: '开始生成' }).click();
    await expect(main.getByRole('status')).toHaveText(`已开始生成 ${year} 年的报告。`);
    const row = main.getByRole('row', { name: new RegExp(`^${year}`) }).first();
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText('已完成', { timeout: 1000 });
    }).toPass({ timeout: 100_000, intervals: [2000] });
    await expect(row).toContainText(/失败 0/);

    // Residents hear of it: the demo resident's inbox says the year's report is ready.
    await signOut(page);
    await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
    await expect(async () => {
      await page.goto('/inbox');
      await expect(main).toContainText(new RegExp(`${year}年度用(电|水)分析报告已生成`), {
        timeout: 1000,
      });
    }).toPass({ timeout: 30_000, intervals: [2000] });
  });
});

test(
  'the staff reports page is accessible in Chinese, English and large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    await signInWithPassword(page, 'billing@wanjia.example', E2E_DEMO_PASSWORD);
    await expectAccessibleInEveryVariant(page, context, '/staff/reports');
  },
);

test(
  'the report pages are accessible in Chinese, English and large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
    const reports = await openReportsFromDashboard(page);
    await expectAccessibleInEveryVariant(page, context, reports);
    const year = await page
      .getByRole('main')
      .getByRole('link', { name: either('查看', 'Open the') })
      .first()
      .getAttribute('href');
    await expectAccessibleInEveryVariant(page, context, year ?? reports);
  },
);
