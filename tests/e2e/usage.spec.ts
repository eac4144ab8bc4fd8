import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  choosePreferences,
  either,
  expect,
  expectAccessibleInEveryVariant,
  keepScreenshot,
  test,
} from '../fixtures/e2e';
import { registerConfirmedResident, signInWithPassword, signOut } from '../fixtures/e2e-resident';
import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import { DEMO_RESIDENT } from '../../scripts/seed/demo-people';

const SCHEMA = path.resolve(process.cwd(), 'tests/fixtures/greenbutton/greenbutton.xsd');

/** Opens the first account's usage page from the dashboard card and returns its address. */
async function openUsageFromDashboard(page: Page): Promise<string> {
  await page.goto('/dashboard');
  await page
    .getByRole('main')
    .getByRole('link', { name: either('的用量分析', 'Usage of account') })
    .first()
    .click();
  await expect(page).toHaveURL(/\/accounts\/\d+\/usage$/);
  return new URL(page.url()).pathname;
}

async function download(page: Page, format: 'csv' | 'xml') {
  const form = page.getByRole('main').locator('#export');
  await form
    .getByLabel(format === 'csv' ? either('CSV 表格', 'CSV spreadsheet') : 'Green Button XML')
    .check();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: either('下载', 'Download') }).click(),
  ]);
  const saved = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), path: saved };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    `usage, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`,
    { tag: javaScriptEnabled ? '@js-twin' : [] },
    () => {
      test.use({ javaScriptEnabled });

      test('a resident sees the monthly chart, the table and tier progress, and exports CSV and Green Button XML', async ({
        page,
        context,
      }, testInfo) => {
        await choosePreferences(context, { locale: 'zh-CN' });
        await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
        await openUsageFromDashboard(page);

        const main = page.getByRole('main');
        await expect(main.getByRole('heading', { level: 1 })).toHaveText(/用水情况|用电情况/);
        await expect(main.getByRole('img', { name: /近 \d+ 个月用量/ })).toBeVisible();
        await expect(main.getByRole('table')).toContainText('实际抄表');
        await expect(main.getByRole('heading', { name: '阶梯进度' })).toBeVisible();
        await expect(main).toContainText(/目前处于第.档/);
        await expect(main).toContainText(/起阶梯重新累计/);
        await keepScreenshot(page, testInfo, `usage-zh-js-${javaScriptEnabled ? 'on' : 'off'}`);

        const csv = await download(page, 'csv');
        expect(csv.name).toMatch(/\.csv$/);
        expect(readFileSync(csv.path, 'utf8')).toContain('月份,用量,单位,读数方式,抄表日期');

        const xml = await download(page, 'xml');
        expect(xml.name).toMatch(/\.xml$/);
        const output = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, xml.path], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        expect(output).toBe('');
        expect(readFileSync(xml.path, 'utf8')).toContain('<espi:IntervalReading>');
      });
    },
  );
}

test('a month range that ends before it starts comes back with the error next to the field', async ({
  page,
  context,
}) => {
  await choosePreferences(context, { locale: 'en' });
  await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
  const usage = await openUsageFromDashboard(page);

  await page.goto(`${usage}/export?format=csv&from=2026-05&to=2026-01`);

  await expect(page).toHaveURL(new RegExp(`${usage}\\?exportError=range`));
  await expect(page.getByRole('main').getByLabel('To month')).toHaveAccessibleDescription(
    /cannot be before the first/,
  );
});

test('the usage page and its export are not found for another resident', async ({
  page,
  context,
}) => {
  await choosePreferences(context, { locale: 'en' });
  await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
  const usage = await openUsageFromDashboard(page);
  await signOut(page);

  await registerConfirmedResident(page, 'usage-stranger');
  const pageResponse = await page.goto(usage);
  expect(pageResponse?.status()).toBe(404);
  const exportResponse = await page.goto(`${usage}/export?format=xml&from=2025-01&to=2026-12`);
  expect(exportResponse?.status()).toBe(404);
});

test(
  'the usage page is accessible in Chinese, English and large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    await signInWithPassword(page, DEMO_RESIDENT.email, E2E_DEMO_PASSWORD);
    const usage = await openUsageFromDashboard(page);
    await expectAccessibleInEveryVariant(page, context, usage);
  },
);
