// The accessibility gate over every screen and every step of the main dialogs: axe-core must find
// nothing. (Other files call assertAccessible on the screens and steps they reach.)
import { test } from 'node:test';
import { assertAccessible, chooseAction, openDirectory, useApp, userRow } from './harness.mjs';

const env = useApp();

test('every screen passes axe-core', async () => {
  const { page, url } = env;
  for (const [hash, ready] of [
    ['#/', /^Users$/],
    ['#/upload', /Upload users/],
    ['#/reports', /Audit log/],
    ['#/outbox', /Outbox/],
    ['#/sign-in', /Sign in/],
    ['#/settings', /Settings/]
  ]) {
    await page.goto(`${url}${hash}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: ready }).first().waitFor();
    await page.waitForTimeout(150);
    await assertAccessible(page, hash);
  }
  env.watch.assertClean();
});

test('every step of the bulk action dialog and the action menu passes axe-core', async () => {
  const { page, url } = env;
  await openDirectory(page, `${url}#/?status=active`, /users of 1,000/);
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByRole('dialog').or(page.locator('[data-popover-content]')).first().waitFor();
  await assertAccessible(page, 'the filter panel');
  await page.keyboard.press('Escape');
  await userRow(page, 1).getByRole('checkbox').check();
  await userRow(page, 2).getByRole('checkbox').check();
  await page.getByRole('button', { name: /Choose an action/ }).click();
  await page.getByRole('listbox', { name: 'Actions' }).getByRole('option').first().waitFor();
  await assertAccessible(page, 'the action menu');
  await page.keyboard.press('Escape');
  const dialog = await chooseAction(page, 'Delete');
  await dialog.getByRole('button', { name: /^Apply to/ }).waitFor();
  await assertAccessible(page, 'the Delete preview');
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await dialog.getByLabel(/Type \d+ to confirm/).waitFor();
  await assertAccessible(page, 'the Delete confirmation');
  await dialog.getByRole('button', { name: 'Back' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const role = await chooseAction(page, 'Set role');
  await role.getByRole('button', { name: 'Preview' }).waitFor();
  await assertAccessible(page, 'the Set role parameters');
  await role.getByRole('button', { name: 'Cancel' }).click();
  env.watch.assertClean();
});

test('a report, its revert dialog, an upload preview and the clock pass axe-core', async () => {
  const { page, url } = env;
  await openDirectory(page, `${url}#/?status=inactive`, /users of 1,000/);
  await userRow(page, 1).getByRole('checkbox').check();
  const dialog = await chooseAction(page, 'Activate');
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await dialog.getByText('Done.').waitFor();
  await dialog.getByRole('link', { name: 'Open the change report' }).click();
  await page.getByRole('heading', { name: /^Activate/ }).waitFor();
  await page.getByRole('table', { name: 'Changes' }).getByRole('row').nth(1).waitFor();
  await assertAccessible(page, 'a report');
  await page.getByRole('button', { name: /^Revert/ }).click();
  await page.getByRole('dialog').getByText(/^Reverts /).waitFor();
  await assertAccessible(page, 'the revert dialog');
  await page.keyboard.press('Escape');

  await page.goto(`${url}#/upload`);
  const csv = 'email,first name,last name\r\nnew.a11y@example.com,New,Person\r\nbroken,X,Y\r\n';
  await page.getByLabel('Choose a file').setInputFiles({ name: 'a11y.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('tablist', { name: 'Rows by outcome' }).waitFor();
  await assertAccessible(page, 'the upload preview');

  await page.getByRole('button', { name: /Muster’s today/ }).click();
  await page.getByRole('button', { name: '+1 week' }).click();
  await page.getByRole('status').filter({ hasText: /^Moving to / }).waitFor();
  await assertAccessible(page, 'the clock preview');
  env.watch.assertClean();
});
