import type { Page } from '@playwright/test';
import {
  choosePreferences,
  either,
  expect,
  expectAccessibleInEveryVariant,
  expectNoAxeViolations,
  keepScreenshot,
  test,
} from '../fixtures/e2e';
import {
  householdFor,
  type HOUSEHOLD_SLOT,
  linkAccount,
  openAccountService,
  registerConfirmedResident,
} from '../fixtures/e2e-resident';

/**
 * Paying through the offline Stripe sandbox (the e2e server has no Stripe key): the same
 * Stripe SDK calls, a hosted test checkout, signed webhooks delivered by a job — late, twice or
 * out of order — to /api/webhooks/stripe. The return page only shows what the webhook said, so
 * tests refresh it until the payment is confirmed.
 */

const main = (page: Page) => page.getByRole('main');

/** A new resident with one linked water account of the given household slot. */
async function residentWithAccount(page: Page, slot: keyof typeof HOUSEHOLD_SLOT) {
  const household = householdFor(slot);
  await registerConfirmedResident(page, `pay-${slot}`);
  await linkAccount(page, household.water.accountNumber, household.water.verificationCode);
  return household;
}

/** From the dashboard: "pay the whole balance" on the account card → the sandbox checkout. */
async function startPayingBalance(page: Page) {
  await page.goto('/dashboard');
  await main(page)
    .getByRole('button', { name: either('缴清全部欠费', 'Pay the whole balance') })
    .first()
    .click();
  await expect(page).toHaveURL(/\/sandbox\/checkout\/cs_test_/);
  await expect(main(page)).toContainText('Test sandbox');
}

async function payByCard(page: Page, number: string) {
  const form = main(page);
  await form.getByLabel(either('卡号', 'Card number')).fill(number);
  await form.getByLabel(either('有效期', 'Expiry')).fill('12/34');
  await form.getByLabel(either('安全码', 'Security code')).fill('123');
  await form.getByRole('button', { name: either('支付 ¥', 'Pay ¥') }).click();
}

/** Refreshes the return page (as the payer would) until the webhook has been applied. */
/**
 * Reloads the return page until the webhook has landed. `alsoShows`: text that comes with a
 * later event (the sandbox, like Stripe, may deliver charge.succeeded — which names the payment
 * method — after the event that marked the payment paid).
 */
async function expectPaid(page: Page, alsoShows?: string | RegExp) {
  await expect(page).toHaveURL(/\/payments\/pay_|\/pay\/receipt\//);
  await expect(async () => {
    await page.reload();
    await expect(main(page)).toContainText(either('付款成功', 'Payment received'), {
      timeout: 1000,
    });
    if (alsoShows) await expect(main(page)).toContainText(alsoShows, { timeout: 1000 });
  }).toPass({ timeout: 45_000, intervals: [1000, 2000] });
}

test.describe('paying online', () => {
  test('a resident pays the balance by test card; the bill then reads paid and the receipt downloads', async ({
    page,
    context,
  }, testInfo) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    await residentWithAccount(page, 'payCard');
    await startPayingBalance(page);
    await keepScreenshot(page, testInfo, 'payments-checkout');
    await expectNoAxeViolations(page);
    await payByCard(page, '4242 4242 4242 4242');
    await expectPaid(page, '银行卡');
    await keepScreenshot(page, testInfo, 'payments-receipt');
    const download = page.waitForEvent('download');
    await main(page)
      .getByRole('link', { name: either('下载凭证', 'Download the receipt') })
      .click();
    expect((await download).suggestedFilename()).toMatch(/^wanjia-receipt-\d{10}-.+\.pdf$/);

    await page.goto('/dashboard');
    await expect(
      main(page).getByRole('button', { name: either('缴清全部欠费', 'Pay the whole balance') }),
    ).toHaveCount(0);
    await openAccountService(page, { service: either('缴费记录', 'Payment history') });
    await expect(main(page).getByRole('table')).toContainText('已付款');
  });

  test('a declined card and insufficient funds say so and take nothing; the payer can try again', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    await residentWithAccount(page, 'payDecline');
    await startPayingBalance(page);
    await payByCard(page, '4000 0000 0000 0002');
    await expect(main(page).getByRole('alert')).toContainText('declined');
    await payByCard(page, '4000 0000 0000 9995');
    await expect(main(page).getByRole('alert')).toContainText('insufficient funds');
    await expectNoAxeViolations(page);
    await payByCard(page, '4242 4242 4242 4242');
    await expectPaid(page);
  });

  test('a card that needs the bank check: failing it takes nothing, completing it pays', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    await residentWithAccount(page, 'payAuthenticate');
    await startPayingBalance(page);
    await payByCard(page, '4000 0025 0000 3155');
    await expect(page).toHaveURL(/\/authenticate$/);
    await expectNoAxeViolations(page);
    await main(page).getByRole('button', { name: '验证失败' }).click();
    await expect(main(page).getByRole('alert')).toContainText('银行验证没有通过');
    await payByCard(page, '4000 0025 0000 3155');
    await main(page).getByRole('button', { name: '完成验证' }).click();
    await expectPaid(page);
  });

  test('sandbox Alipay: authorised in the (simulated) app', async ({ page, context }, testInfo) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    await residentWithAccount(page, 'payAlipay');
    await startPayingBalance(page);
    await main(page).getByRole('link', { name: '支付宝' }).click();
    await expect(main(page)).toContainText('支付宝（模拟）');
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, 'payments-alipay');
    await main(page).getByRole('button', { name: '确认支付', exact: true }).click();
    await expectPaid(page, '支付宝');
  });
});

test.describe('paying with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole journey works as plain forms, a bill page included', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    await residentWithAccount(page, 'payNoJs');
    await page.goto('/dashboard');
    await main(page)
      .getByRole('link', { name: /Bills for account/ })
      .first()
      .click();
    await main(page).getByRole('table').locator('a[href^="/bills/"]').first().click();
    await main(page)
      .getByRole('button', { name: /Pay (this bill|the whole balance)/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/sandbox\/checkout\//);
    await payByCard(page, '4242424242424242');
    await expectPaid(page);
  });
});

test.describe('paying without signing in', () => {
  test('account number and bill code show only the amount and a masked name, then pay', async ({
    page,
    context,
  }, testInfo) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    const household = householdFor('payGuest');
    await page.goto('/pay');
    await expectNoAxeViolations(page);
    await main(page).getByLabel('户号').fill(household.water.accountNumber);
    await main(page).getByLabel('验证码').fill('000000');
    await main(page).getByRole('button', { name: '下一步' }).click();
    await expect(main(page).getByRole('alert')).toContainText('户号或验证码不正确');

    await main(page).getByLabel('户号').fill(household.water.accountNumber);
    await main(page).getByLabel('验证码').fill(household.water.verificationCode);
    await main(page).getByRole('button', { name: '下一步' }).click();
    await expect(page).toHaveURL(/\/pay\/confirm$/);
    const holder = await main(page).getByTestId('masked-holder').innerText();
    expect(holder).toMatch(/^\S\*+$/u);
    expect(holder).not.toBe(household.holderName);
    await expect(main(page)).not.toContainText(household.addressZh);
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, 'payments-guest-confirm');
    await main(page)
      .getByRole('button', { name: /^付款 ¥/ })
      .click();
    await payByCard(page, '4242 4242 4242 4242');
    await expect(page).toHaveURL(/\/pay\/receipt\//);
    await expectPaid(page);
  });
});

test(
  'payment pages pass axe in both languages and large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    await expectAccessibleInEveryVariant(page, context, '/pay');
  },
);
