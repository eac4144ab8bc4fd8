import type { Page } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../fixtures/e2e-seed';
import {
  choosePreferences,
  either,
  expect,
  expectNoAxeViolations,
  keepScreenshot,
  PAGE_VARIANTS,
  test,
} from '../fixtures/e2e';
import { signInWithPassword } from '../fixtures/e2e-resident';
import { districtRows } from '../../scripts/seed/generate-city';

// A 1×1 PNG, named like a camera photo.
const PHOTO = {
  name: 'IMG_0001.jpg',
  mimeType: 'image/jpeg',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
};
// A Windows program renamed to look like a photo.
const RENAMED_EXE = {
  name: 'photo.jpg',
  mimeType: 'image/jpeg',
  buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]),
};

const main = (page: Page) => page.getByRole('main');

async function fileFault(page: Page, description: string, files = [PHOTO]) {
  await page.goto('/complaints/new');
  await main(page)
    .getByRole('radio', { name: either('故障报修', 'Fault report') })
    .check();
  await main(page).getByLabel(either('具体问题', 'What is the problem?')).selectOption('no_water');
  await main(page).getByLabel(either('情况说明', 'What happened')).fill(description);
  await main(page).locator('input[type=file]').setInputFiles(files);
  await main(page)
    .getByRole('button', { name: /^(提交|Send)$/ })
    .click();
}

/** Signs in in a fresh context of the same browser (another person at another computer). */
async function asPerson(page: Page, email: string, javaScriptEnabled: boolean): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    javaScriptEnabled,
    extraHTTPHeaders: { 'X-Forwarded-For': `10.200.${Math.floor(Math.random() * 250)}.9` },
  });
  await choosePreferences(context, { locale: 'zh-CN' });
  const other = await context.newPage();
  await signInWithPassword(other, email, E2E_DEMO_PASSWORD);
  return other;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    `a fault report, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`,
    { tag: javaScriptEnabled ? '@js-twin' : [] },
    () => {
      test.use({ javaScriptEnabled });

      test('the resident files it with a photo, an agent answers and closes it, the resident rates it', async ({
        page,
        context,
      }, testInfo) => {
        await choosePreferences(context, { locale: 'zh-CN' });
        await signInWithPassword(page, 'resident@wanjia.example', E2E_DEMO_PASSWORD);
        const description = `楼下停水了 <script>alert("x")</script> ${testInfo.title.length}-${javaScriptEnabled}`;
        await fileFault(page, description);

        await expect(page).toHaveURL(/\/complaints\/\d+\?filed=1/);
        const reference = (await main(page).getByTestId('reference').textContent()) ?? '';
        expect(reference).toMatch(/^WJ-\d{4}-\d{6}$/);
        await expect(main(page)).toContainText('恢复供水供电 · 承诺时限');
        await expect(main(page).getByTestId('description')).toHaveText(description);
        await expect(main(page).getByRole('link', { name: /IMG_0001\.jpg/ })).toBeVisible();
        await expect(main(page).getByTestId('deadline').first()).toContainText('还剩');
        const caseUrl = new URL(page.url());
        const caseId = caseUrl.pathname.split('/').pop() ?? '';
        await keepScreenshot(page, testInfo, `complaints-filed-js-${javaScriptEnabled}`);

        // The photo is served to its filer, with its real type.
        const photoHref = await main(page)
          .getByRole('link', { name: /IMG_0001\.jpg/ })
          .getAttribute('href');
        const photo = await page.request.get(photoHref ?? '');
        expect(photo.status()).toBe(200);
        expect(photo.headers()['content-type']).toBe('image/png');

        const agent = await asPerson(page, 'agent@wanjia.example', javaScriptEnabled);
        await agent.goto(`/staff/complaints?category=fault`);
        await agent
          .getByRole('main')
          .getByRole('link', { name: new RegExp(reference) })
          .click();
        await expect(agent).toHaveURL(new RegExp(`/staff/complaints/${caseId}`));
        await expect(agent.getByRole('main').getByTestId('description')).toHaveText(description);
        await agent.getByRole('main').getByLabel('回复居民').fill('抢修人员正在赶往现场，请稍候。');
        await agent.getByRole('main').getByRole('button', { name: '发送回复' }).click();
        await expect(agent.getByRole('main')).toContainText('已保存');
        // Closing without an answer is refused with a message; the answer closes it.
        await agent.getByRole('main').getByRole('radio', { name: '已办结' }).check();
        await agent.getByRole('main').getByRole('button', { name: '更改状态' }).click();
        await expect(agent.getByRole('main')).toContainText('办结时请填写给居民的答复');
        await agent.getByRole('main').getByRole('radio', { name: '已办结' }).check();
        await agent
          .getByRole('main')
          .getByLabel(/给居民的说明/)
          .fill('管道已修复，已恢复供水。');
        await agent.getByRole('main').getByRole('button', { name: '更改状态' }).click();
        await expect(agent.getByRole('main')).toContainText('工单已办结');
        await agent.context().close();

        await page.goto(caseUrl.pathname);
        await expect(main(page).getByTestId('status')).toHaveText('已办结');
        await expect(main(page)).toContainText('抢修人员正在赶往现场');
        await expect(main(page)).toContainText('管道已修复，已恢复供水。');
        await main(page).getByRole('button', { name: '提交评价' }).click();
        await expect(main(page)).toContainText('请选择 1 到 5 星的评价');
        await main(page).getByRole('radio', { name: /5 星/ }).check();
        await main(page)
          .getByLabel(/意见或建议/)
          .fill('来得很快');
        await main(page).getByRole('button', { name: '提交评价' }).click();
        await expect(main(page)).toContainText('谢谢您的评价');
        await expect(main(page)).toContainText('您的评价：5 星');
        await expect(main(page).getByRole('button', { name: '提交评价' })).toHaveCount(0);
      });

      test('a renamed program and a sixth file are refused with a message, and the text is kept', async ({
        page,
        context,
      }) => {
        await choosePreferences(context, { locale: 'en' });
        await signInWithPassword(page, 'resident@wanjia.example', E2E_DEMO_PASSWORD);
        const description = 'Water pipe burst in the stairwell, text that must survive errors.';
        await fileFault(page, description, [RENAMED_EXE]);
        await expect(main(page).getByLabel(/Photos or documents/)).toBeVisible();
        await expect(main(page)).toContainText('“photo.jpg” is not a JPG, PNG or PDF file');
        await expect(main(page).getByLabel('What happened *')).toHaveValue(description);

        await main(page)
          .locator('input[type=file]')
          .setInputFiles(Array.from({ length: 6 }, (_, i) => ({ ...PHOTO, name: `p${i}.png` })));
        await main(page)
          .getByRole('button', { name: /^Send$/ })
          .click();
        await expect(main(page)).toContainText('You can attach at most 5 files');
        await expect(main(page).getByLabel('What happened *')).toHaveValue(description);
      });
    },
  );
}

test('a supervisor sees the escalated cases first, each with its history', async ({
  page,
  context,
}) => {
  await choosePreferences(context, { locale: 'en' });
  await signInWithPassword(page, 'supervisor@wanjia.example', E2E_DEMO_PASSWORD);
  await page.goto('/staff/complaints');
  await main(page).getByLabel('Escalated only').check();
  await main(page).getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/escalated=1/);
  const rows = main(page).getByTestId('queue').locator('tbody tr');
  await expect(rows.first()).toContainText('Escalated');
  await expect(rows.first()).toContainText('Overdue');
  await rows.first().getByRole('link').click();
  await expect(main(page)).toContainText('Escalated');
  await expect(main(page)).toContainText(/deadline passed; a supervisor has taken it up/);
});

test('an illegal-use report needs no account and gets a signed receipt', async ({
  page,
  context,
}) => {
  await choosePreferences(context, { locale: 'zh-CN' });
  await page.goto('/report');
  await main(page).getByRole('button', { name: '提交' }).click();
  await expect(main(page)).toContainText('举报请填写发生地点');
  await main(page)
    .getByLabel(/发生地点/)
    .fill('幸福里小区东门洗车店');
  await main(page)
    .getByLabel(/情况说明/)
    .fill('洗车店私接消防栓用水，已经好几天了。');
  await main(page).getByRole('button', { name: '提交' }).click();
  await expect(page).toHaveURL(/\/report\/received\?r=/);
  await expect(main(page).getByTestId('reference')).toHaveText(/^WJ-\d{4}-\d{6}$/);
  await expect(main(page)).toContainText('答复办结 · 承诺时限');
  // A tampered receipt shows nothing.
  const tampered = page.url().replace(/\.[01]\./, (m) => (m === '.0.' ? '.1.' : '.0.'));
  expect((await page.goto(tampered))?.status()).toBe(404);
});

test.describe('public service ratings (万众评), without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a visitor picks last month and sees every department and every 供电所 and 供水所 with its trend, and nothing about any case', async ({
    page,
    context,
  }, testInfo) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    await page.goto('/ratings');
    const month = main(page).getByLabel('选择月份');
    const lastMonth = await month.locator('option').nth(1).getAttribute('value');
    expect(lastMonth).toMatch(/^\d{4}-\d{2}$/);
    await month.selectOption(lastMonth ?? '');
    await main(page).getByRole('button', { name: '显示' }).click();
    await expect(page).toHaveURL(new RegExp(`/ratings\\?month=${lastMonth}$`));
    await expect(main(page).getByLabel('选择月份')).toHaveValue(lastMonth ?? '');
    await expect(main(page).getByTestId('ratings-summary').getByRole('row')).toHaveCount(5);
    for (const [utility, suffix] of [
      ['电', '供电所'],
      ['水', '供水所'],
    ] as const) {
      const table = main(page).getByRole('table', { name: `供${utility}所`, exact: true });
      // One point per district in the demo city, plus the header row.
      await expect(table.getByRole('row')).toHaveCount(districtRows().length + 1);
      await expect(table.getByRole('rowheader').first()).toHaveText(new RegExp(`${suffix}$`));
      await expect(table.getByRole('img').first()).toHaveAccessibleName(/各月按时答复率/);
    }
    await expect(main(page).getByTestId('ratings-unassigned')).toBeVisible();
    await expect(main(page)).not.toContainText(/WJ-\d{4}-\d{6}/);
    await keepScreenshot(page, testInfo, 'ratings-last-month-js-off');
  });
});

test.describe('accessibility of the complaint pages', { tag: '@a11y' }, () => {
  for (const variant of PAGE_VARIANTS) {
    test(`axe finds nothing (${variant.locale}${variant.largeText ? ', large text' : ''}${variant.viewport ? ', phone' : ''})`, async ({
      page,
      context,
    }, testInfo) => {
      await choosePreferences(context, variant);
      if (variant.viewport) await page.setViewportSize(variant.viewport);
      for (const path of ['/ratings', '/report']) {
        await page.goto(path);
        await expectNoAxeViolations(page);
      }
      await signInWithPassword(page, 'resident@wanjia.example', E2E_DEMO_PASSWORD);
      await page.goto('/complaints');
      await expectNoAxeViolations(page);
      await main(page).getByRole('link', { name: /WJ-/ }).first().click();
      await page.waitForURL(/\/complaints\/\d+$/);
      await expectNoAxeViolations(page);
      await page.goto('/complaints/new');
      await main(page)
        .getByRole('button', { name: /^(提交|Send)$/ })
        .click();
      // The field's own error (the English lead also says "tell us what happened").
      await expect(main(page).locator('#description-error')).toContainText(
        either('请填写情况说明', 'Tell us what happened'),
      );
      await expectNoAxeViolations(page);
      const tag = `${variant.locale}${variant.largeText ? '-large' : ''}`;
      await keepScreenshot(page, testInfo, `complaints-new-error-${tag}`);

      await context.clearCookies();
      await choosePreferences(context, variant);
      await signInWithPassword(page, 'agent@wanjia.example', E2E_DEMO_PASSWORD);
      await page.goto('/staff/complaints');
      await expectNoAxeViolations(page);
      await main(page).getByTestId('queue').getByRole('link').first().click();
      await page.waitForURL(/\/staff\/complaints\/\d+$/);
      await expectNoAxeViolations(page);
      await keepScreenshot(page, testInfo, `complaints-staff-case-${tag}`);
    });
  }
});
