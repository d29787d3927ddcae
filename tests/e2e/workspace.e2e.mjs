import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chooseAction, openBrowser, openDirectory, shot, startApp, userRow, watchPage } from './harness.mjs';

const open = [];
after(async () => {
  const failures = [];
  for (const x of open.reverse()) await x.close().catch((e) => failures.push(e));
  if (failures.length) throw failures[0];
});
async function app(base) {
  const a = await startApp({ base });
  open.push(a);
  return a;
}
async function browser() {
  const b = await openBrowser();
  open.push(b);
  return b;
}

test('one build folder, served at two paths by a server with no fallback, opens a deep link at each', async () => {
  for (const base of ['/', '/tools/muster/']) {
    const a = await app(base);
    const { page } = await browser();
    const watch = watchPage(page);
    await page.goto(`${a.url}#/reports`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.goto(`${a.url}#/?status=inactive`);
    await page.getByRole('status').filter({ hasText: /users? of 1,000/ }).waitFor({ timeout: 60_000 });
    watch.assertClean();
  }
});

test('after the first visit the app loads and works with the network off', async () => {
  const a = await app('/muster/');
  const { page, context } = await browser();
  await openDirectory(page, a.url);
  // The service worker has cached the whole build once it is active.
  await page.evaluate(() =>
    Promise.race([navigator.serviceWorker.ready, new Promise((_, no) => setTimeout(() => no(new Error('no service worker became active')), 15_000))])
  );
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('status').filter({ hasText: /1,000 users/ }).waitFor();
  await page.goto(`${a.url}#/?status=inactive`);
  await page.getByRole('status').filter({ hasText: /users? of 1,000/ }).waitFor();
  await page.goto(`${a.url}#/settings`);
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByText('Acting as').waitFor(); // the engine answered, offline
  await shot(page, 'offline-settings');
  await context.setOffline(false);
});

test('a change made in one tab shows in another open tab without reload', async () => {
  const a = await app('/muster/');
  const { page, context } = await browser();
  await openDirectory(page, a.url);
  const other = await context.newPage();
  const watch = watchPage(other);
  await other.goto(`${a.url}#/?status=inactive`);
  const status = other.getByRole('status').filter({ hasText: /users? of 1,000/ });
  await status.waitFor();
  const before = Number((await status.textContent()).match(/[\d,]+/)[0].replace(/,/g, ''));

  await page.goto(`${a.url}#/?status=active&sort=email:asc`);
  await userRow(page, 1).getByRole('checkbox').click();
  const dialog = await chooseAction(page, 'Deactivate');
  await dialog.getByRole('button', { name: /^Apply to 1 user/ }).click();
  await dialog.getByText('Done.').waitFor();

  await other.getByRole('status').filter({ hasText: new RegExp(`^\\s*${(before + 1).toLocaleString('en-US')} users of`) }).waitFor();
  watch.assertClean();
});
