/**
 * Service notices: staff publish a notice for the demo resident's district (JS on and off), the
 * resident sees it on the dashboard, on the public page and in their mail; a power cut at too
 * short notice is refused beside its field; a published notice is extended and then cancelled
 * (JS off), the resident sees it updated and gets a mail; axe in zh, en and large text.
 */
import type { Page } from '@playwright/test';
import {
  createCityContext,
  districtRows,
  generateHousehold,
} from '../../scripts/seed/generate-city';
import { parseSeedArgs } from '../../scripts/seed/parse-seed-args';
import { E2E_DEMO_PASSWORD, E2E_SEED_ARGV } from '../fixtures/e2e-seed';
import {
  choosePreferences,
  either,
  expect,
  expectAccessibleInEveryVariant,
  expectNoAxeViolations,
  keepScreenshot,
  test,
} from '../fixtures/e2e';
import { signInWithPassword, signOut } from '../fixtures/e2e-resident';

const RESIDENT = 'resident@wanjia.example';
const AGENT = 'agent@wanjia.example';
const HOUR = 3_600_000;

/** The district of household 1, the demo resident's home. */
function demoResidentDistrict() {
  const home = generateHousehold(createCityContext(parseSeedArgs([...E2E_SEED_ARGV]).args), 1, 1);
  const district = districtRows().find((d) => d.id === home.premises.districtId);
  if (!district) throw new Error('no district for household 1');
  return district;
}

/** What a datetime-local control takes: Beijing wall-clock time, `YYYY-MM-DDTHH:mm`. */
function beijingInput(hoursFromNow: number): string {
  const at = new Date(Date.now() + hoursFromNow * HOUR);
  at.setUTCMinutes(0, 0, 0);
  return new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 16);
}

/**
 * Staff (signed in, Chinese) publish a six-hour water cut for a district starting
 * `startHours` from now; returns the notice's staff page path.
 */
async function publishWaterCut(page: Page, title: string, district: string, startHours: number) {
  await page.goto('/staff/notices/new');
  await fillNotice(page, {
    kind: 'water_outage',
    title,
    startHours,
    endHours: startHours + 6,
    district,
  });
  await page.getByRole('main').getByRole('button', { name: '发布并通知居民' }).click();
  await expect(page).toHaveURL(/\/staff\/notices\/\d+\?done=published/);
  return new URL(page.url()).pathname;
}

/** Waits for a mail to the demo resident with `text` in the dev outbox (jobs run in the server). */
async function expectMailToResident(page: Page, text: string) {
  await expect(async () => {
    await page.goto(`/dev/outbox?to=${encodeURIComponent(RESIDENT)}`);
    await expect(page.getByTestId('mail-item').filter({ hasText: text }).first()).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 45_000 });
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function fillNotice(
  page: Page,
  input: { kind: string; title: string; startHours: number; endHours: number; district: string },
) {
  const form = page.getByRole('main');
  await form.getByLabel(/^(类别|Type)$/).selectOption(input.kind);
  await form.getByLabel(/^(中文标题|Chinese title)$/).fill(input.title);
  await form
    .getByLabel(/^(中文正文|Chinese text)$/)
    .fill('因供水管网维修，届时将暂停供水，请提前储水。');
  await form.getByLabel(/^(开始时间|Starts)$/).fill(beijingInput(input.startHours));
  await form.getByLabel(/^(结束时间|Ends)$/).fill(beijingInput(input.endHours));
  await form.getByRole('checkbox', { name: input.district }).check();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    `publishing a notice (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`,
    { tag: javaScriptEnabled ? '@js-twin' : [] },
    () => {
      test.use({ javaScriptEnabled });

      test('staff publish a water cut for the demo resident’s district; the resident sees it on the dashboard, on /notices and by mail', async ({
        page,
        context,
      }, testInfo) => {
        test.slow();
        await choosePreferences(context, { locale: 'zh-CN' });
        const district = demoResidentDistrict();
        const title = `${district.nameZh}管网维修停水通知 ${unique()}`;

        await signInWithPassword(page, AGENT, E2E_DEMO_PASSWORD);
        await page.goto('/staff/notices');
        await page.getByRole('main').getByRole('link', { name: '新建公告' }).click();
        await expect(page).toHaveURL(/\/staff\/notices\/new$/);
        await fillNotice(page, {
          kind: 'water_outage',
          title,
          startHours: 3 * 24,
          endHours: 3 * 24 + 6,
          district: district.nameZh,
        });
        await page.getByRole('main').getByRole('button', { name: '发布并通知居民' }).click();
        await expect(page).toHaveURL(/\/staff\/notices\/\d+\?done=published/);
        await expect(page.getByRole('main')).toContainText('公告已发布');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await keepScreenshot(page, testInfo, `notices-staff-published-js-${javaScriptEnabled}`);
        await signOut(page);

        await signInWithPassword(page, RESIDENT, E2E_DEMO_PASSWORD);
        await page.goto('/dashboard');
        const section = page.getByRole('region', { name: '您地址的服务公告' });
        await expect(section.getByRole('heading', { name: title })).toBeVisible();
        await section.getByRole('link', { name: title }).click();
        await expect(page).toHaveURL(/\/notices\/\d+$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(page.getByRole('main')).toContainText('计划停水');

        await page.goto('/notices?when=upcoming');
        await expect(page.getByRole('main').getByRole('heading', { name: title })).toBeVisible();
        await keepScreenshot(page, testInfo, `notices-public-upcoming-js-${javaScriptEnabled}`);

        // The notify job runs in the server: the mail arrives within seconds.
        await expectMailToResident(page, title);
      });
    },
  );
}

test.describe('lead time, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.slow();

  test('a power cut two days ahead is refused beside its start time, keeps what was typed, and goes through as an emergency with a reason', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'en' });
    const district = demoResidentDistrict();
    const title = `${district.nameZh}抢修停电 ${unique()}`;
    await signInWithPassword(page, AGENT, E2E_DEMO_PASSWORD);
    await page.goto('/staff/notices/new');
    await fillNotice(page, {
      kind: 'planned_outage',
      title,
      startHours: 48,
      endHours: 52,
      district: district.nameEn,
    });
    await page
      .getByRole('main')
      .getByRole('button', { name: 'Publish and tell residents' })
      .click();

    const main = page.getByRole('main');
    await expect(main.getByRole('alert')).toContainText('Please correct the fields marked below');
    const starts = main.getByLabel(/^Starts$/);
    await expect(starts).toHaveAccessibleDescription(/at least 7 days/);
    await expect(starts).toBeFocused();
    await expect(main.getByLabel(/^Chinese title$/)).toHaveValue(title);
    await expect(main.getByRole('checkbox', { name: district.nameEn })).toBeChecked();

    await main.getByLabel(/Emergency/).check();
    await main.getByRole('button', { name: 'Publish and tell residents' }).click();
    await expect(main.getByLabel(/^Reason for the short notice$/)).toHaveAccessibleDescription(
      /needs its reason/,
    );
    await main.getByLabel(/Emergency/).check();
    await main.getByLabel(/^Reason for the short notice$/).fill('变压器故障，需紧急抢修');
    await main.getByRole('button', { name: 'Publish and tell residents' }).click();
    await expect(page).toHaveURL(/\/staff\/notices\/\d+\?done=published/);
    await expect(main).toContainText('变压器故障，需紧急抢修');
  });
});

test.describe('a published notice changed, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('staff extend a water cut (an end before the start is refused beside its field), the resident sees it updated with the reason and gets a mail; then staff cancel it and it shows cancelled', async ({
    page,
    context,
  }, testInfo) => {
    test.slow();
    await choosePreferences(context, { locale: 'zh-CN' });
    const district = demoResidentDistrict();
    const title = `${district.nameZh}阀门更换停水 ${unique()}`;
    const main = page.getByRole('main');

    await signInWithPassword(page, AGENT, E2E_DEMO_PASSWORD);
    const noticePath = await publishWaterCut(page, title, district.nameZh, 3 * 24);
    // The resident is told first: only residents already told hear of a change.
    await expectMailToResident(page, `您的地址有新的服务公告：${title}`);

    await page.goto(noticePath);
    await main.getByRole('link', { name: '修改时间、内容或范围' }).click();
    await expect(page).toHaveURL(/\/revise$/);
    await main.getByLabel(/^结束时间$/).fill(beijingInput(3 * 24 - 1));
    await main.getByLabel(/^变更原因/).fill('阀门到货延迟，停水延长 2 小时。');
    await main.getByRole('button', { name: '保存更改并通知居民' }).click();
    const ends = main.getByLabel(/^结束时间$/);
    await expect(ends).toHaveAccessibleDescription(/结束时间必须晚于开始时间/);
    await expect(ends).toBeFocused();
    await expect(main.getByLabel(/^变更原因/)).toHaveValue('阀门到货延迟，停水延长 2 小时。');
    await ends.fill(beijingInput(3 * 24 + 8));
    await main.getByRole('button', { name: '保存更改并通知居民' }).click();
    await expect(page).toHaveURL(/\/staff\/notices\/\d+\?done=revised/);
    await expect(main).toContainText('公告已更新');
    await expect(main).toContainText('阀门到货延迟，停水延长 2 小时。');
    await signOut(page);

    await signInWithPassword(page, RESIDENT, E2E_DEMO_PASSWORD);
    await page.goto('/dashboard');
    const section = page.getByRole('region', { name: '您地址的服务公告' });
    const card = section.getByRole('listitem').filter({ hasText: title });
    await expect(card).toContainText('已更新');
    await expect(card).toContainText(/结束时间由 .+ 改为 .+/);
    await expect(card).toContainText('阀门到货延迟，停水延长 2 小时。');
    await keepScreenshot(page, testInfo, 'notices-dashboard-updated');
    await expectMailToResident(page, `服务公告有变更：${title}`);
    await signOut(page);

    await signInWithPassword(page, AGENT, E2E_DEMO_PASSWORD);
    await page.goto(noticePath);
    await main.getByLabel(/^取消原因/).fill('管网改造方案调整，本次停水取消。');
    await main.getByRole('button', { name: '取消公告' }).click();
    await expect(page).toHaveURL(/\?done=cancelled/);
    await expect(main.getByRole('link', { name: '修改时间、内容或范围' })).toHaveCount(0);

    await page.goto(noticePath.replace('/staff', ''));
    await expect(main).toContainText(/此公告已于 .+ 取消/);
    await expect(main).toContainText('管网改造方案调整，本次停水取消。');
    await expect(main.getByRole('heading', { name: '变更记录' })).toBeVisible();
    await keepScreenshot(page, testInfo, 'notices-public-cancelled');
    await page.goto('/notices?when=upcoming');
    await expect(
      main.getByRole('article').filter({ hasText: title }).getByText('已取消'),
    ).toBeVisible();
  });
});

test.describe('accessibility of the notices pages', { tag: '@a11y' }, () => {
  // Nine page loads with axe each: more than the default minute on a busy machine.
  test.slow();

  test('the public list and a notice pass axe in zh, en and large text', async ({
    page,
    context,
  }) => {
    await expectAccessibleInEveryVariant(page, context, '/notices');
    await expectAccessibleInEveryVariant(page, context, '/notices?when=upcoming');
    await choosePreferences(context, { locale: 'zh-CN' });
    await page.goto('/notices');
    await page
      .getByRole('main')
      .getByRole('link', { name: /^查看详情/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/notices\/\d+$/);
    await expectAccessibleInEveryVariant(page, context, new URL(page.url()).pathname);
  });

  test('the dashboard section and the staff pages pass axe in zh, en and large text', async ({
    page,
    context,
  }) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    await signInWithPassword(page, RESIDENT, E2E_DEMO_PASSWORD);
    await expectAccessibleInEveryVariant(page, context, '/dashboard');
    await expect(
      page.getByRole('region', { name: either('您地址的服务公告', 'Notices for your address') }),
    ).toBeVisible();
    await signOut(page);

    await choosePreferences(context, { locale: 'zh-CN' });
    await signInWithPassword(page, AGENT, E2E_DEMO_PASSWORD);
    await expectAccessibleInEveryVariant(page, context, '/staff/notices');
    await expectAccessibleInEveryVariant(page, context, '/staff/notices/new');
    await choosePreferences(context, { locale: 'zh-CN' });
    await page.goto('/staff/notices');
    await page
      .getByRole('main')
      .getByRole('link')
      // A demo notice: published, not over, never changed by another test.
      .filter({ hasText: '本月供水水质公告' })
      .first()
      .click();
    await expect(page).toHaveURL(/\/staff\/notices\/\d+$/);
    const staffNotice = new URL(page.url()).pathname;
    await expectAccessibleInEveryVariant(page, context, staffNotice);
    // The demo notices are published and not over: each can be revised.
    await expectAccessibleInEveryVariant(page, context, `${staffNotice}/revise`);
  });
  test('the revise form with a refused end, and an updated then a cancelled notice, pass axe in zh, en and large text', async ({
    page,
    context,
  }) => {
    const district = demoResidentDistrict();
    const title = `${district.nameZh}水表更换停水 ${unique()}`;
    const main = page.getByRole('main');
    await choosePreferences(context, { locale: 'zh-CN' });
    await signInWithPassword(page, AGENT, E2E_DEMO_PASSWORD);
    const staffNotice = await publishWaterCut(page, title, district.nameZh, 4 * 24);

    await page.goto(`${staffNotice}/revise`);
    await main.getByLabel(/^结束时间$/).fill(beijingInput(4 * 24 - 2));
    await main.getByLabel(/^变更原因/).fill('施工时间调整。');
    await main.getByRole('button', { name: '保存更改并通知居民' }).click();
    await expect(main.getByLabel(/^结束时间$/)).toHaveAccessibleDescription(/必须晚于开始时间/);
    await expectNoAxeViolations(page);
    await main.getByLabel(/^结束时间$/).fill(beijingInput(4 * 24 + 8));
    await main.getByRole('button', { name: '保存更改并通知居民' }).click();
    await expect(page).toHaveURL(/\?done=revised/);
    await expectAccessibleInEveryVariant(page, context, staffNotice.replace('/staff', ''));

    await choosePreferences(context, { locale: 'zh-CN' });
    await page.goto(staffNotice);
    await main.getByLabel(/^取消原因/).fill('施工取消。');
    await main.getByRole('button', { name: '取消公告' }).click();
    await expect(page).toHaveURL(/\?done=cancelled/);
    await expectAccessibleInEveryVariant(page, context, staffNotice);
    await expectAccessibleInEveryVariant(page, context, staffNotice.replace('/staff', ''));
  });

  test('the notice form with a refused lead time passes axe', async ({ page, context }) => {
    await choosePreferences(context, { locale: 'zh-CN' });
    const district = demoResidentDistrict();
    await signInWithPassword(page, AGENT, E2E_DEMO_PASSWORD);
    await page.goto('/staff/notices/new');
    await fillNotice(page, {
      kind: 'planned_outage',
      title: `${district.nameZh}线路检修 ${unique()}`,
      startHours: 30,
      endHours: 34,
      district: district.nameZh,
    });
    await page.getByRole('main').getByRole('button', { name: '发布并通知居民' }).click();
    await expect(page.getByRole('main').getByLabel(/^开始时间$/)).toHaveAccessibleDescription(
      /至少 7 天/,
    );
    await expectNoAxeViolations(page);
  });
});
