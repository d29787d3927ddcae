import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openDirectory, shot, startApp, watchPage } from './harness.mjs';

let app;
let browser;
before(async () => {
  app = await startApp();
  browser = await openBrowser();
});
after(async () => {
  try {
    await browser?.close();
  } finally {
    await app?.close();
  }
});

const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim());

test('the whole bulk action flow works by keyboard alone, with focus trapped in the dialog and returned', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await openDirectory(page, app.url);

  // Search: focus the box by keyboard and type.
  await page.getByRole('searchbox', { name: 'Search users by name or email' }).focus();
  await page.keyboard.type('abbott');
  await page.getByRole('status').filter({ hasText: /^\d users? of 1,000$/ }).waitFor();
  assert.match(page.url(), /q=abbott/, 'the search lives in the URL');

  // Tab through the toolbar and the selection bar to the first row's checkbox; Space ticks it.
  const firstBox = page.getByRole('table', { name: 'Users' }).getByRole('row').nth(1).getByRole('checkbox');
  for (let i = 0; i < 40 && !(await firstBox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.getByText('1 user selected').waitFor();
  // The count says when the current filter hides some of the selected users.
  await page.getByRole('searchbox', { name: 'Search users by name or email' }).fill('no-such-person');
  await page.getByText('(1 hidden by the current filter)').waitFor();
  await page.getByRole('searchbox', { name: 'Search users by name or email' }).fill('abbott');
  await page.getByRole('status').filter({ hasText: /^\d users? of 1,000$/ }).waitFor();

  // Open the menu with the keyboard, move to "Unlock" or any enabled action, choose it with Enter.
  const trigger = page.getByRole('button', { name: /Choose an action/ });
  await trigger.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('listbox', { name: 'Actions' }).getByRole('option').first().waitFor();
  // Focus lands in the filter box: typing narrows the list, arrows move, Enter chooses.
  const filterBox = page.getByRole('combobox', { name: 'Filter actions' });
  assert.equal(await filterBox.evaluate((el) => el === document.activeElement), true, 'focus is in the filter box');
  await shot(page, 'action-menu');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/Applies to/).waitFor();

  // Focus stays inside the dialog however often Tab is pressed.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus left the dialog at Tab ${i + 1}: ${await focused(page)}`);
  }
  // Escape closes it and focus returns to where the administrator was.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await trigger.evaluate((el) => el === document.activeElement), true, 'focus returned to the action menu button');
  watch.assertClean();
});

test('filters and sort live in the URL: back and forward restore them', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await openDirectory(page, app.url);
  await page.getByRole('button', { name: /Sort by Email/ }).click();
  await page.waitForURL(/sort=email:asc/, { waitUntil: 'commit' });
  await page.getByRole('button', { name: /Sort by Email/ }).click();
  await page.waitForURL(/sort=email:desc/, { waitUntil: 'commit' });
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByRole('checkbox', { name: 'Deleted' }).check();
  await page.waitForURL(/status=deleted/, { waitUntil: 'commit' });
  await page.keyboard.press('Escape');
  await shot(page, 'filtered-deleted');
  const deleted = await page.getByRole('status').filter({ hasText: /users? of/ }).textContent();
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForURL((u) => !u.href.includes('status=deleted'), { waitUntil: 'commit' });
  await page.getByRole('status').filter({ hasText: /^1,000 users$/ }).waitFor();
  assert.equal(await page.getByRole('columnheader', { name: /Email/ }).getAttribute('aria-sort'), 'descending');
  await page.goForward({ waitUntil: 'commit' });
  await page.getByRole('status').filter({ hasText: deleted }).waitFor();
  // A pasted link restores the same view in a fresh load.
  await page.reload();
  await page.getByRole('status').filter({ hasText: deleted }).waitFor();
  await page.getByRole('listitem').filter({ hasText: 'Status: Deleted' }).waitFor();
  watch.assertClean();
});
