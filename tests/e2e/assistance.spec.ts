import type { Browser, Page, TestInfo } from '@playwright/test';
import {
  choosePreferences,
  expect,
  expectAccessibleInEveryVariant,
  keepScreenshot,
  test,
} from '../fixtures/e2e';
import {
  householdFor,
  linkHousehold,
  registerConfirmedResident,
  signInWithPassword,
  signOut,
  type TResident,
} from '../fixtures/e2e-resident';
import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import { E2E_BASE_URL } from '../../scripts/ci/paths';

/**
 * Fee waivers end to end: a resident applies with a document (JS on and off), a reviewer asks
 * for more, the resident answers, the reviewer approves from last month, a billing run for this
 * month puts the waiver (and the credit for last month's bill) on the next bill, and the renewal
 * reminder is in the resident's inbox. Reviewer and billing staff are the seeded demo staff.
 */

const REVIEWER = 'reviewer@wanjia.example';
const OFFICER = 'agent@wanjia.example';
const BILLING_STAFF = 'billing@wanjia.example';

/** The smallest real PNG (1×1). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

function shanghaiMonth(offset = 0): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  const d = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1 + offset, 1));
  return d.toISOString().slice(0, 7);
}

const main = (page: Page) => page.getByRole('main');

function uploadForm(page: Page, requirement: string) {
  return main(page).locator('form', { has: page.locator(`#file-${requirement}`) });
}

/** Registers, links a household, fills and submits a 低保 application; returns its address. */
async function applyWithDocument(
  page: Page,
  slot: 'assistance' | 'assistanceNoJs',
): Promise<{ resident: TResident; path: string; reference: string }> {
  const resident = await registerConfirmedResident(page, `waiver-${slot}`);
  await linkHousehold(page, householdFor(slot));

  await page.goto('/dashboard');
  await main(page).getByRole('link', { name: '申请减免' }).click();
  await expect(page).toHaveURL(/\/assistance/);
  await main(page)
    .getByRole('radio', { name: /低保户用水用电减免/ })
    .check();
  await main(page).getByRole('button', { name: '开始申请' }).click();
  await expect(page).toHaveURL(/\/assistance\/\d+\?started=1$/);
  const path = new URL(page.url()).pathname;

  // A file that is not a photo or a PDF (whatever its name says) is refused; nothing is kept.
  await page.locator('#file-certificate').setInputFiles({
    name: '低保证.png',
    mimeType: 'image/png',
    buffer: Buffer.from('this is not a picture'),
  });
  await uploadForm(page, 'certificate').getByRole('button', { name: '上传' }).click();
  await expect(main(page)).toContainText('只能上传照片（JPG、PNG）或 PDF 文件');
  await expect(page.locator('#file-certificate')).toBeFocused();
  await expect(uploadForm(page, 'certificate').locator('..')).toContainText('还没有上传');

  await page
    .locator('#file-certificate')
    .setInputFiles({ name: '低保证.png', mimeType: 'image/png', buffer: PNG });
  await uploadForm(page, 'certificate').getByRole('button', { name: '上传' }).click();
  await expect(main(page)).toContainText('已上传 1 个文件');
  await expect(main(page).getByRole('link', { name: '查看 低保证.png' })).toBeVisible();

  // Half-way: save, come back, it is still there.
  await main(page).getByLabel('您家是否已在民政部门登记为城市低保户？').selectOption('yes');
  await main(page).getByRole('button', { name: '先保存，以后再填' }).click();
  await expect(main(page)).toContainText('已保存');
  await expect(main(page).getByLabel('您家是否已在民政部门登记为城市低保户？')).toHaveValue('yes');

  // Submitting without the certificate number is refused beside the field, nothing lost.
  await main(page).getByRole('button', { name: '提交申请' }).click();
  await expect(main(page)).toContainText('还有内容没填好');
  await expect(main(page).getByLabel('低保证编号')).toBeFocused();

  await main(page).getByLabel('低保证编号').fill('JN-2026-0457');
  await main(page).getByLabel('家里一共住几口人？').fill('3');
  await main(page).getByRole('button', { name: '提交申请' }).click();
  await expect(main(page)).toContainText('已提交！您的受理编号是');
  const text = await main(page).innerText();
  const reference = /DB-\d{4}-\d{6}/.exec(text)?.[0];
  if (!reference) throw new Error('no reference on the page');
  await expect(main(page)).toContainText('已提交，等待审核');
  return { resident, path, reference };
}

/**
 * A community service officer, with JavaScript off, files for a household nobody has linked
 * (no portal login): the account number and code from the bill, the holder's name, a phone and
 * the signed consent form; a wrong code first gets the generic answer and keeps what was typed.
 * Then the officer answers the questions, uploads the certificate and submits.
 */
async function fileForHouseholdWithoutLogin(
  browser: Browser,
  testInfo: TestInfo,
): Promise<{ reference: string; applicationId: string }> {
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': `10.201.${Math.floor(Math.random() * 250)}.7` },
  });
  try {
    await choosePreferences(context, { locale: 'zh-CN' });
    const page = await context.newPage();
    await signInWithPassword(page, OFFICER, E2E_DEMO_PASSWORD);
    const household = householdFor('assistanceNoLogin');
    await page.goto('/staff/assistance/file');
    const form = main(page).locator('form', { has: page.locator('#account-verificationCode') });
    const fill = async (code: string) => {
      await form.getByLabel('申请哪一项减免').selectOption({ label: '低保户用水用电减免' });
      await form.getByLabel('户号', { exact: true }).fill(household.water.accountNumber);
      await form.getByLabel('验证码', { exact: true }).fill(code);
      await form.getByLabel('户主姓名').fill(household.holderName);
      await form.getByLabel('联系电话').fill('0531-86001234');
      await form.getByLabel('居民是怎样同意的').selectOption('signed_form');
      await form
        .getByLabel('签字的书面同意书')
        .setInputFiles({ name: '同意书.png', mimeType: 'image/png', buffer: PNG });
      await form.getByLabel(/我确认住户已同意由我代为申请/).check();
      await form.getByRole('button', { name: '开始代办申请' }).click();
    };
    const wrong = household.water.verificationCode === '000000' ? '999999' : '000000';
    await fill(wrong);
    await expect(main(page)).toContainText('户号、验证码或户主姓名不正确。');
    await expect(form.getByLabel('户主姓名')).toHaveValue(household.holderName);
    await expect(form.getByLabel('验证码', { exact: true })).toHaveValue('');
    await expect(form.getByLabel(/我确认住户已同意由我代为申请/)).toBeChecked();
    await keepScreenshot(page, testInfo, 'assistance-file-for-household-wrong-code');

    await fill(household.water.verificationCode);
    await expect(page).toHaveURL(/\/assistance\/\d+\?started=1$/);
    const applicationId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await expect(main(page)).toContainText(
      `这户没有网上账号，由社区服务专员代办。户主：${household.holderName}；联系电话：0531-86001234。`,
    );
    await expect(main(page).getByRole('link', { name: '查看 同意书.png' })).toBeVisible();

    await page
      .locator('#file-certificate')
      .setInputFiles({ name: '低保证.png', mimeType: 'image/png', buffer: PNG });
    await uploadForm(page, 'certificate').getByRole('button', { name: '上传' }).click();
    await expect(main(page)).toContainText('已上传 1 个文件');
    await main(page).getByLabel('您家是否已在民政部门登记为城市低保户？').selectOption('yes');
    await main(page).getByLabel('低保证编号').fill('JN-2026-0788');
    await main(page).getByLabel('家里一共住几口人？').fill('1');
    await main(page).getByRole('button', { name: '提交申请' }).click();
    await expect(main(page)).toContainText('已提交！您的受理编号是');
    const reference = /DB-\d{4}-\d{6}/.exec(await main(page).innerText())?.[0];
    if (!reference) throw new Error('no reference on the page');
    await keepScreenshot(page, testInfo, 'assistance-filed-for-household-js-off');
    return { reference, applicationId };
  } finally {
    await context.close();
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    `applying for a waiver, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`,
    { tag: javaScriptEnabled ? '@js-twin' : [] },
    () => {
      test.use({ javaScriptEnabled });

      test('a resident applies with a document and gets a reference and a plain status', async ({
        page,
        context,
      }, testInfo) => {
        test.skip(javaScriptEnabled, 'the JS-on application is part of the whole journey below');
        await choosePreferences(context, { locale: 'zh-CN' });
        const { path, reference } = await applyWithDocument(page, 'assistanceNoJs');
        await keepScreenshot(page, testInfo, 'assistance-submitted-js-off');
        await page.goto('/assistance');
        await expect(main(page)).toContainText(reference);
        expect(path).toMatch(/^\/assistance\/\d+$/);
      });
    },
  );
}

/** The demo water tariff bills sewage treatment per m³: the allowance waives it with its units. */
const WAIVER_WITH_SEWAGE =
  /低保户用水用电减免 [\d.]+ m³（含污水处理费）：第一档 [\d.]+ m³ × ¥[\d.]+ \+ 污水处理费 [\d.]+ m³ × ¥[\d.]+ = -¥[\d.]+/;

// One test, because one water run for this month must come after both approvals: other specs
// never bill this month's water, and a second run of the same month bills nothing new.
test('the whole journey: apply, more information, approval, the waiver on the next bill and the renewal reminder; an officer files for a household without a login', async ({
  page,
  context,
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  await choosePreferences(context, { locale: 'zh-CN' });
  const { resident, path, reference } = await applyWithDocument(page, 'assistance');
  const applicationId = path.split('/').at(-1);
  await signOut(page);
  const filed = await fileForHouseholdWithoutLogin(browser, testInfo);

  // The reviewer asks for more information.
  await signInWithPassword(page, REVIEWER, E2E_DEMO_PASSWORD);
  await page.goto('/staff/assistance');
  await main(page).getByRole('link', { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/assistance/${applicationId}$`));
  await expect(main(page).getByRole('img', { name: /低保证\.png/ })).toBeVisible();
  await keepScreenshot(page, testInfo, 'assistance-review');
  await main(page).getByLabel('需要居民补充什么').fill('请补充户口本户主页的照片。');
  await main(page).getByRole('button', { name: '发送给居民' }).click();
  await expect(main(page)).toContainText('决定已保存');
  await expect(main(page)).toContainText('需要您补充材料');
  await signOut(page);

  // The resident is told, and answers.
  await signInWithPassword(page, resident.email, resident.password);
  await page.goto('/inbox');
  await expect(main(page)).toContainText(`减免申请 ${reference} 需要您补充信息`);
  await page.goto(path);
  await expect(main(page)).toContainText('请补充户口本户主页的照片。');
  await main(page).getByLabel('您的回复').fill('户口本照片已上传在“其他材料”里。');
  await main(page).getByRole('button', { name: '发送回复' }).click();
  await expect(main(page)).toContainText('已收到您的回复');
  await signOut(page);

  // The reviewer approves from last month, for two months.
  await signInWithPassword(page, REVIEWER, E2E_DEMO_PASSWORD);
  await page.goto(`/staff/assistance/${applicationId}`);
  await main(page).getByLabel('从哪个月开始减免').fill(shanghaiMonth(-1));
  await main(page).getByLabel('有效几个月').fill('2');
  await main(page).getByRole('button', { name: '批准', exact: true }).click();
  await expect(main(page)).toContainText('决定已保存');
  // Deciding again is refused with a message.
  await expect(main(page).getByRole('button', { name: '批准', exact: true })).toHaveCount(0);

  // The household without a login: filed by the officer, approved from five months back, so
  // this month's bill also credits the five bills before it (a small bill: nothing to pay).
  await page.goto('/staff/assistance');
  await main(page).getByRole('link', { name: filed.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/assistance/${filed.applicationId}$`));
  await expect(main(page)).toContainText('这户没有网上账号：由 李娜 凭账单户号和验证码代办');
  await expect(main(page).getByRole('img', { name: /同意书\.png/ })).toBeVisible();
  await main(page).getByLabel('从哪个月开始减免').fill(shanghaiMonth(-5));
  await main(page).getByLabel('有效几个月').fill('6');
  await main(page).getByRole('button', { name: '批准', exact: true }).click();
  await expect(main(page)).toContainText('决定已保存');
  await signOut(page);

  // Billing staff bill this month's water.
  await signInWithPassword(page, BILLING_STAFF, E2E_DEMO_PASSWORD);
  await page.goto('/staff/billing');
  await main(page).getByRole('radio', { name: '水费' }).check();
  await main(page).getByLabel('账期（月份）').fill(shanghaiMonth());
  await main(page).getByRole('button', { name: '开始出账' }).click();
  await expect(page).toHaveURL(/\/staff\/billing\/runs\/\d+\?started=/);
  await expect(async () => {
    await page.reload();
    await expect(main(page).getByText('已完成', { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 120_000, intervals: [2000, 3000] });
  await signOut(page);

  // The resident's next water bill shows the waiver and the credit for last month's bill.
  await signInWithPassword(page, resident.email, resident.password);
  const household = householdFor('assistance');
  await page.goto('/dashboard');
  await main(page)
    .getByRole('link', { name: `户号 ${household.water.accountNumber} 的账单` })
    .click();
  await expect(page).toHaveURL(/\/accounts\/\d+\/bills$/);
  await main(page).getByRole('table').locator('a[href^="/bills/"]').first().click();
  await expect(page).toHaveURL(/\/bills\/\d+$/);
  const lines = main(page).getByRole('table').first();
  await expect(lines).toContainText(WAIVER_WITH_SEWAGE);
  await expect(lines).toContainText(/低保户用水用电减免 补退 \d{4}年\d{1,2}月账单 -¥[\d.]+/);
  await keepScreenshot(page, testInfo, 'assistance-bill-waiver');

  // The grant ends within 30 days: the renewal reminder is in the inbox.
  await page.goto('/inbox');
  await expect(main(page)).toContainText(new RegExp(`您的减免还有 \\d+ 天到期（${reference}）`));
  await page.goto(path);
  await expect(main(page)).toContainText('申请已批准');
  await expect(main(page).getByRole('button', { name: '续办这项减免' })).toBeVisible();
  await signOut(page);

  await householdMemberSeesTheWaiver(page, testInfo, filed.reference);
  // The officer's renewal page, axe-checked (Chinese, English, large text) before it is used.
  await signOut(page);
  await signInWithPassword(page, OFFICER, E2E_DEMO_PASSWORD);
  await expectAccessibleInEveryVariant(page, context, `/assistance/${filed.applicationId}/renew`);
  await officerRenewsForTheHousehold(browser, testInfo, filed.applicationId);
});

/**
 * The officer who filed for the household without a login renews it, without JavaScript: the
 * consent is recorded again on its own page and the renewal opens pre-filled for the same
 * household.
 */
async function officerRenewsForTheHousehold(
  browser: Browser,
  testInfo: TestInfo,
  applicationId: string,
) {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, javaScriptEnabled: false });
  try {
    await choosePreferences(context, { locale: 'zh-CN' });
    const page = await context.newPage();
    await signInWithPassword(page, OFFICER, E2E_DEMO_PASSWORD);
    await page.goto(`/assistance/${applicationId}`);
    await main(page).getByRole('link', { name: '续办这项减免' }).click();
    await expect(page).toHaveURL(new RegExp(`/assistance/${applicationId}/renew$`));
    const household = householdFor('assistanceNoLogin');
    await expect(main(page)).toContainText(`为户主 ${household.holderName} 续办`);
    await main(page).getByLabel('居民是怎样同意的').selectOption('in_person');
    await main(page)
      .getByLabel(/我确认住户已同意由我代为申请/)
      .check();
    await keepScreenshot(page, testInfo, 'assistance-officer-renewal');
    await main(page).getByRole('button', { name: '开始续办申请' }).click();
    await expect(page).toHaveURL(/\/assistance\/\d+\?started=1$/);
    expect(new URL(page.url()).pathname).not.toBe(`/assistance/${applicationId}`);
    await expect(main(page)).toContainText('申请已创建');
    await expect(main(page)).toContainText(`户主：${household.holderName}`);
    // The renewed application offers no second renewal.
    await page.goto(`/assistance/${applicationId}`);
    await expect(main(page).getByRole('link', { name: '续办这项减免' })).toHaveCount(0);
    await expect(main(page).getByRole('link', { name: '已提交续办申请，点击查看' })).toBeVisible();
  } finally {
    await context.close();
  }
}

/**
 * Someone of the household without a login links its account after the approval: they see the
 * officer's application, and this month's water bill with the waiver line and the credits for
 * the five bills before it, which leave nothing to pay — no pay button, and the dashboard card
 * says so instead of a due date.
 */
async function householdMemberSeesTheWaiver(page: Page, testInfo: TestInfo, reference: string) {
  await registerConfirmedResident(page, 'waiver-nologin');
  const household = householdFor('assistanceNoLogin');
  await linkHousehold(page, household);
  await page.goto('/assistance');
  await expect(main(page)).toContainText(reference);

  await page.goto('/dashboard');
  await expect(main(page)).toContainText('本期无需缴费');
  await main(page)
    .getByRole('link', { name: `户号 ${household.water.accountNumber} 的账单` })
    .click();
  await main(page).getByRole('table').locator('a[href^="/bills/"]').first().click();
  await expect(page).toHaveURL(/\/bills\/\d+$/);
  const lines = main(page).getByRole('table').first();
  await expect(lines).toContainText(WAIVER_WITH_SEWAGE);
  await expect(
    lines.getByText(/低保户用水用电减免 补退 \d{4}年\d{1,2}月账单 -¥[\d.]+/),
  ).toHaveCount(5);
  await expect(main(page).getByTestId('bill-nothing-to-pay')).toHaveText('本期账单无需缴费');
  await expect(main(page).getByRole('button', { name: /缴纳本期账单/ })).toHaveCount(0);
  // Nothing to pay, so no due date: not on the bill, nor in the bill list.
  await expect(main(page)).not.toContainText('缴费截止日');
  await keepScreenshot(page, testInfo, 'assistance-bill-nothing-to-pay');
  await page.goBack();
  await expect(main(page).getByRole('table').locator('tbody tr').first()).toContainText('无需缴费');
}

test(
  'the resident waiver pages are accessible in both languages and in large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    test.setTimeout(240_000);
    await choosePreferences(context, { locale: 'zh-CN' });
    // A second resident may link the same household as the JS-off test: links are per person.
    const { path } = await applyWithDocument(page, 'assistanceNoJs');
    await expectAccessibleInEveryVariant(page, context, '/assistance');
    await expectAccessibleInEveryVariant(page, context, path);
  },
);

test(
  'the staff waiver pages are accessible in both languages and in large text',
  { tag: '@a11y' },
  async ({ page, context }) => {
    test.setTimeout(240_000);
    await choosePreferences(context, { locale: 'zh-CN' });
    await signInWithPassword(page, 'supervisor@wanjia.example', E2E_DEMO_PASSWORD);
    await expectAccessibleInEveryVariant(page, context, '/staff/assistance');
    await expectAccessibleInEveryVariant(page, context, '/staff/assistance/programmes');
    await expectAccessibleInEveryVariant(page, context, '/staff/assistance/programmes/new');
    await expectAccessibleInEveryVariant(page, context, '/staff/assistance/file');
    await choosePreferences(context, { locale: 'zh-CN' });
    await page.goto('/staff/assistance');
    const first = main(page)
      .getByRole('link', { name: /^DB-\d{4}-\d{6}$/ })
      .first();
    if ((await first.count()) > 0) {
      const href = await first.getAttribute('href');
      if (href) await expectAccessibleInEveryVariant(page, context, href);
    }
  },
);
