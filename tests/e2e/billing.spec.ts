import type { Locator, Page } from '@playwright/test';
import {
  choosePreferences,
  expect,
  expectAccessibleInEveryVariant,
  keepScreenshot,
  test,
} from '../fixtures/e2e';
import { signInWithPassword } from '../fixtures/e2e-resident';
import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';

/**
 * Billing staff and the billing runs. The e2e server bills the seeded months (npm run billing),
 * so /staff/billing lists completed runs. The seeded city has no backwards readings or spikes,
 * so the held-back flow uses a month the product cannot price: the demo tariffs start in the
 * first seeded year, and every account opened before then (all of them, 2003–2015) is held
 * back for 2020 with "no tariff for this month". Each test bills its own month, so the tests
 * run in parallel and a retry finds open exceptions left. Negative and spike exceptions are
 * covered by tests/integration/billing (billing-run.test.ts, billing-rules.test.ts).
 */

const BILLING_STAFF = 'billing@wanjia.example';

const REFRESH_META = 'meta[http-equiv="refresh"]';

async function signInAsBillingStaff(page: Page) {
  await signInWithPassword(page, BILLING_STAFF, E2E_DEMO_PASSWORD);
}

/** Starts (or, on a retry, rejoins) a run from the form on /staff/billing, in Chinese. */
async function startRun(page: Page, utility: '水费' | '电费', month: string) {
  await page.goto('/staff/billing');
  const main = page.getByRole('main');
  await main.getByRole('radio', { name: utility }).check();
  await main.getByLabel('账期（月份）').fill(month);
  await main.getByRole('button', { name: '开始出账' }).click();
  await expect(page).toHaveURL(/\/staff\/billing\/runs\/\d+\?started=/);
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(
    `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月${utility}出账`,
  );
}

/**
 * The page reloads itself only when staff asked (?watch=1) and only while the run works; it
 * says so when it does.
 */
async function expectRefreshOnlyWhenAsked(page: Page) {
  const main = page.getByRole('main');
  const watching = new URL(page.url()).searchParams.get('watch') === '1';
  const inProgress = await main
    .getByRole('link', { name: '刷新进度' })
    .isVisible()
    .catch(() => false);
  if (watching && inProgress) {
    await expect(page.locator(REFRESH_META)).toHaveCount(1);
    await expect(main).toContainText('本页每 10 秒自动刷新一次');
    await expect(main.getByRole('link', { name: '停止自动刷新' })).toBeVisible();
  } else {
    await expect(page.locator(REFRESH_META)).toHaveCount(0);
  }
}

/** Follows the run the way staff do without JavaScript: the "refresh the progress" link. */
async function refreshUntilCompleted(page: Page) {
  const main = page.getByRole('main');
  await expect(async () => {
    const refresh = main.getByRole('link', { name: '刷新进度' });
    if (await refresh.isVisible()) {
      await refresh.click();
      await expect(page).toHaveURL(/\/staff\/billing\/runs\/\d+$/);
      await expect(page.locator(REFRESH_META)).toHaveCount(0);
    }
    await expect(main.getByText('已完成', { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000, intervals: [1000, 2000] });
  await expect(main.getByRole('link', { name: '刷新进度' })).toHaveCount(0);
  await expect(page.locator(REFRESH_META)).toHaveCount(0);
}

function openCount(text: string | null): number {
  return Number(text?.match(/还有 (\d+) 户等待核对/)?.[1] ?? NaN);
}

async function firstException(main: Locator) {
  const item = main.getByRole('listitem').filter({ hasText: '这个月没有可用的价格' }).first();
  await expect(item).toBeVisible();
  const account = (await item.locator('dd').first().textContent())?.trim() ?? '';
  expect(account).toMatch(/^\d+$/);
  return { item, account };
}

test('billing staff see the runs of the seeded months and open one to read its progress', async ({
  page,
  context,
}) => {
  await choosePreferences(context, { locale: 'zh-CN' });
  await signInAsBillingStaff(page);
  await page.goto('/staff/billing');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('账单批量出账');

  const runs = main.getByRole('table');
  await expect(runs.getByRole('row').filter({ hasText: '已完成' }).first()).toBeVisible();
  const open = runs.getByRole('link', { name: /^查看.+(水费|电费)出账批次$/ }).first();
  const label = (await open.getAttribute('aria-label')) ?? '';
  await open.click();

  await expect(page).toHaveURL(/\/staff\/billing\/runs\/\d+$/);
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(
    label.replace(/^查看/, '').replace(/批次$/, ''),
  );
  await expect(main.getByRole('heading', { name: '出账进度' })).toBeVisible();
  await expect(main.locator('#progress-text')).toHaveText(/^已处理 (\d+) \/ \1 户$/);
  await expect(main.getByRole('progressbar', { name: '出账进度' })).toBeVisible();
  // A completed run offers nothing to follow and never reloads itself, even when asked.
  await expect(main.getByRole('link', { name: '刷新进度' })).toHaveCount(0);
  await page.goto(`${new URL(page.url()).pathname}?watch=1`);
  await expect(page.locator(REFRESH_META)).toHaveCount(0);

  await main.getByRole('link', { name: '返回出账列表' }).click();
  await expect(page).toHaveURL(/\/staff\/billing$/);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    `a held-back account, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`,
    { tag: javaScriptEnabled ? '@js-twin' : [] },
    () => {
      test.use({ javaScriptEnabled });

      test('staff start a month, follow its progress and release a held-back account', async ({
        page,
        context,
      }, testInfo) => {
        test.setTimeout(120_000);
        await choosePreferences(context, { locale: 'zh-CN' });
        await signInAsBillingStaff(page);
        // Two months, so the two variants never share a run.
        await startRun(page, '水费', javaScriptEnabled ? '2020-01' : '2020-02');
        const main = page.getByRole('main');
        await expect(main.locator('#progress-text')).toHaveText(/^已处理 \d+ \/ \d+ 户$/);
        await expectRefreshOnlyWhenAsked(page);

        // Opt in to the timed refresh while the run works (it may already be done: then there
        // is nothing to follow and no refresh either way).
        const watch = main.getByRole('link', { name: '每 10 秒自动刷新' });
        if (await watch.isVisible()) {
          await watch.click();
          await expect(page).toHaveURL(/\?watch=1$/);
          await expect(
            main
              .getByText('本页每 10 秒自动刷新一次')
              .or(main.getByText('已完成', { exact: true })),
          ).toBeVisible();
          await expectRefreshOnlyWhenAsked(page);
        }
        await refreshUntilCompleted(page);
        await keepScreenshot(page, testInfo, `billing-run-js-${javaScriptEnabled ? 'on' : 'off'}`);

        const heading = main.getByText(/还有 \d+ 户等待核对/);
        const before = openCount(await heading.textContent());
        expect(before).toBeGreaterThan(0);
        const { item, account } = await firstException(main);

        // A correction needs a usage: the error is told beside the field.
        await item.getByRole('button', { name: '按核定用量出账' }).click();
        const usage = item.getByLabel('核定用量 (m³)');
        await expect(usage).toHaveAccessibleDescription(/请填写核定的用量/);
        await expect(usage).toBeFocused();

        const again = await firstException(main);
        expect(again.account).toBe(account);
        await again.item.getByLabel('备注（可不填）').fill('2020 年无水价，先放行，补价后重新出账');
        await again.item.getByRole('button', { name: '按原读数出账' }).click();

        await expect(page).toHaveURL(/\?done=unbilled$/);
        await expect(main.getByText(/已记录您的决定，但这个月还没有可用的价格/)).toBeVisible();
        await expect(main.getByText(/还有 \d+ 户等待核对/)).toHaveText(
          `还有 ${before - 1} 户等待核对`,
        );
        await expect(
          main.getByRole('listitem').filter({ has: page.getByText(account, { exact: true }) }),
        ).toHaveCount(0);
      });
    },
  );
}

test(
  'the billing pages are accessible in Chinese, English and large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    test.setTimeout(120_000);
    await choosePreferences(context, { locale: 'zh-CN' });
    await signInAsBillingStaff(page);
    await startRun(page, '电费', '2020-03');
    await refreshUntilCompleted(page);
    const run = new URL(page.url()).pathname;

    await expectAccessibleInEveryVariant(page, context, '/staff/billing');
    // A run with held-back accounts (every form on the page) and the error beside a field.
    await expectAccessibleInEveryVariant(page, context, run);
    const exception = await page
      .getByRole('main')
      .locator('li[id^="exception-"]')
      .first()
      .getAttribute('id');
    const id = exception?.replace('exception-', '') ?? '';
    await expectAccessibleInEveryVariant(page, context, `${run}?error=usage&exception=${id}`);
  },
);
