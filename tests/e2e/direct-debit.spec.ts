import type { Browser, Page } from '@playwright/test';
import {
  either,
  expect,
  expectAccessibleInEveryVariant,
  keepScreenshot,
  test,
} from '../fixtures/e2e';
import {
  householdFor,
  linkAccount,
  openAccountService,
  registerConfirmedResident,
  signInWithPassword,
} from '../fixtures/e2e-resident';
import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';

/**
 * Direct debit (代扣) end to end: a resident sets it up on the sandbox's hosted page, billing
 * staff run collection days (the sandbox lets them run a later day, like Stripe's test clocks),
 * the resident sees the advance notice and then the bill paid, and cancels. The collection job
 * and the webhooks are the real ones (pg-boss in the server, signed POSTs to
 * /api/webhooks/stripe), so pages are reloaded until the asynchronous work has landed.
 */

const BILLING_STAFF = 'billing@wanjia.example';
const main = (page: Page) => page.getByRole('main');

async function openDirectDebit(page: Page, accountNumber: string) {
  await openAccountService(page, {
    accountNumber,
    service: either(`户号 ${accountNumber} 的代扣`, `Direct debit for account ${accountNumber}`),
  });
  await expect(page).toHaveURL(/\/accounts\/\d+\/direct-debit$/);
}

/** Consents, goes to the sandbox's hosted page, saves a test card and comes back. */
async function setUpWithCard(page: Page, card = '4242 4242 4242 4242') {
  await main(page).getByLabel(either('我同意以上授权', 'I agree to this authorisation')).check();
  await main(page)
    .getByRole('button', { name: either('去填写银行卡', 'Continue to enter your card') })
    .click();
  await expect(page).toHaveURL(/\/sandbox\/setup\/cs_test_/);
  await expect(main(page)).toContainText(/Test sandbox/);
  await main(page).getByLabel(either('卡号', 'Card number')).fill(card);
  await main(page).getByLabel(either('有效期（月/年）', 'Expiry (MM/YY)')).fill('12/34');
  await main(page).getByLabel(either('安全码', 'Security code')).fill('123');
  await main(page)
    .getByRole('button', { name: either('保存并授权', 'Save and authorise') })
    .click();
  await expect(page).toHaveURL(/\/direct-debit\?setup=returned$/);
}

/** Reloads until the asynchronous webhook has landed (activation, settlement). */
async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
}

async function staffPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithPassword(page, BILLING_STAFF, E2E_DEMO_PASSWORD);
  return { context, page };
}

/** Billing staff run the collection day the form proposes (today, or the next day with work). */
async function runCollectionDay(page: Page): Promise<string> {
  await page.goto('/staff/direct-debit');
  const day = await main(page).getByLabel(either('扣款日期', 'Collection date')).inputValue();
  await main(page)
    .getByRole('button', { name: either('现在运行', 'Run now') })
    .click();
  // The server action answers after the job is queued; on a busy machine that can take a while.
  await expect(page).toHaveURL(new RegExp(`/staff/direct-debit\\?queued=${day}$`), {
    timeout: 30_000,
  });
  return day;
}

test('a resident sets up direct debit, is told the amount and date, the bill is collected, and cancels', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  // The electricity account: the fee-waiver spec bills this month's water for every account,
  // which would put a new bill on a water account between collection and our check.
  const { electricity: account } = householdFor('directDebit');
  await registerConfirmedResident(page, 'direct-debit');
  await linkAccount(page, account.accountNumber, account.verificationCode);

  await openDirectDebit(page, account.accountNumber);
  await expect(main(page)).toContainText(either('尚未开通', 'Not set up'));
  // Without the consent box ticked nothing happens but a message beside it.
  await main(page)
    .getByRole('button', { name: either('去填写银行卡', 'Continue to enter your card') })
    .click();
  await expect(page).toHaveURL(/\?error=consent$/);
  await expect(main(page)).toContainText(either('请勾选同意授权', 'Please tick the box'));

  await setUpWithCard(page);
  await reloadUntil(page, async () => {
    await expect(main(page)).toContainText(either('尾号 4242', 'ending 4242'));
  });
  await keepScreenshot(page, testInfo, 'direct-debit-active');

  // Billing staff run today's collection day: the bills are planned and announced.
  const staff = await staffPage(browser);
  await runCollectionDay(staff.page);

  await reloadUntil(page, async () => {
    await expect(
      main(page).getByRole('table', { name: either('已安排的扣款', 'Collections planned') }),
    ).toContainText(either('已通知', 'Announced'));
  });
  await keepScreenshot(page, testInfo, 'direct-debit-announced');
  await page.goto('/inbox');
  await expect(main(page)).toContainText(either('代扣预告', 'Direct debit notice'));

  // The collection day itself (the sandbox may run it ahead of time).
  await staff.page.goto('/staff/direct-debit');
  await expect(main(staff.page)).toContainText(
    either('下一个有扣款的日期', 'Next date with collections'),
  );
  await runCollectionDay(staff.page);
  await staff.context.close();

  await openDirectDebit(page, account.accountNumber);
  await reloadUntil(page, async () => {
    await expect(
      main(page).getByRole('table', { name: either('最近的扣款记录', 'Recent collections') }),
    ).toContainText(either('扣款成功', 'Collected'));
    await expect(main(page)).toContainText(either('目前没有待扣款的账单', 'No bill is waiting'));
  });
  await keepScreenshot(page, testInfo, 'direct-debit-collected');
  await page.goto('/dashboard');
  const card = main(page).getByRole('article').filter({ hasText: account.accountNumber });
  await expect(card).toContainText(/¥0\.00/);

  await openDirectDebit(page, account.accountNumber);
  await main(page)
    .getByRole('button', { name: either('取消代扣', 'Cancel direct debit') })
    .click();
  await expect(main(page)).toContainText(either('代扣已取消', 'Direct debit is canceled'));
  await expect(main(page)).toContainText(either('尚未开通', 'Not set up'));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a resident sets up direct debit on the hosted page and cancels it', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const { electricity } = householdFor('directDebitNoJs');
    await registerConfirmedResident(page, 'direct-debit-nojs');
    await linkAccount(page, electricity.accountNumber, electricity.verificationCode);
    await openDirectDebit(page, electricity.accountNumber);

    // A number that is not one of the sandbox's test numbers is refused beside the field.
    await main(page).getByLabel(either('我同意以上授权', 'I agree to this authorisation')).check();
    await main(page)
      .getByRole('button', { name: either('去填写银行卡', 'Continue to enter your card') })
      .click();
    await main(page).getByLabel(either('卡号', 'Card number')).fill('4111 1111 1111 1111');
    await main(page).getByLabel(either('有效期（月/年）', 'Expiry (MM/YY)')).fill('12/34');
    await main(page).getByLabel(either('安全码', 'Security code')).fill('123');
    await main(page)
      .getByRole('button', { name: either('保存并授权', 'Save and authorise') })
      .click();
    await expect(page).toHaveURL(/\?error=not_test_number&field=cardNumber$/);
    await expect(main(page)).toContainText(
      either('只接受下面列出的测试号码', 'only the test numbers'),
    );
    await keepScreenshot(page, testInfo, 'direct-debit-sandbox-error-nojs');
    await openDirectDebit(page, electricity.accountNumber);

    await setUpWithCard(page);
    await reloadUntil(page, async () => {
      await expect(main(page)).toContainText(either('尾号 4242', 'ending 4242'));
    });
    await main(page)
      .getByRole('button', { name: either('取消代扣', 'Cancel direct debit') })
      .click();
    await expect(main(page)).toContainText(either('代扣已取消', 'Direct debit is canceled'));
  });
});

test(
  'the direct-debit pages are accessible in Chinese, English and large text',
  { tag: '@a11y' },
  async ({ page, context, browser }) => {
    // Twelve axe runs (five pages × Chinese, English, large text) on a shared two-core machine.
    test.setTimeout(300_000);
    const { water } = householdFor('directDebitNoJs');
    await registerConfirmedResident(page, 'direct-debit-axe');
    await linkAccount(page, water.accountNumber, water.verificationCode);
    await openDirectDebit(page, water.accountNumber);
    const path = new URL(page.url()).pathname;
    await expectAccessibleInEveryVariant(page, context, path);
    await expectAccessibleInEveryVariant(page, context, `${path}?error=consent`);

    await main(page).getByLabel(either('我同意以上授权', 'I agree to this authorisation')).check();
    await main(page)
      .getByRole('button', { name: either('去填写银行卡', 'Continue to enter your card') })
      .click();
    await expect(page).toHaveURL(/\/sandbox\/setup\/cs_test_/);
    const sandbox = new URL(page.url()).pathname;
    await expectAccessibleInEveryVariant(page, context, sandbox);
    await expectAccessibleInEveryVariant(
      page,
      context,
      `${sandbox}?error=invalid&field=cardNumber`,
    );

    const staff = await staffPage(browser);
    await expectAccessibleInEveryVariant(staff.page, staff.context, '/staff/direct-debit');
    await staff.context.close();
  },
);
