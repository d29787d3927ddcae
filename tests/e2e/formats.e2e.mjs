import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertAccessible, openBrowser, openDirectory, root, shot, startApp, watchPage } from './harness.mjs';

// Other directories' files, in Chromium: what an administrator downloads from Google Workspace or
// Entra ID is read as it comes, previewed in words and applied by the bulk actions' own rules.
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

const tabs = (page) => page.getByRole('tablist', { name: 'Rows by outcome' });
const tab = (page, name) => tabs(page).getByRole('tab', { name: new RegExp(`${name}$`) });

test('a Google Workspace file exported from Muster, edited to suspend a user, uploads back: preview in words, applied as Deactivate', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await openDirectory(page, `${app.url}#/?status=active&type=regular`, /users of 1,000/);
  const first = page.getByRole('table', { name: 'Users' }).getByRole('row').nth(1);
  const email = (await first.getByRole('cell').nth(2).textContent()).trim();
  await first.getByRole('checkbox').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: 'Export 1 selected user' })
      .click()
      .then(() => page.getByRole('menuitem', { name: 'Google Workspace bulk update file' }).click())
  ]);
  assert.equal(download.suggestedFilename(), 'google-workspace-users.csv');
  const exported = await fs.readFile(await download.path(), 'utf8');
  const [header, row] = exported.trim().split(/\r?\n/);
  assert.match(header, /^First Name \[Required\],Last Name \[Required\],Email Address \[Required\]/);
  const cells = header.split(',');
  const status = cells.indexOf('New Status [UPLOAD ONLY]');
  const values = row.split(',');
  assert.equal(values[status], 'Active');
  values[status] = 'Suspended';

  await page.goto(`${app.url}#/upload`);
  await page.getByLabel('Choose a file').setInputFiles({ name: 'google.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${values.join(',')}\n`) });
  await tabs(page).waitFor();
  await page.getByText('Google Workspace users file').waitFor();
  // Every column is accounted for: nothing to decide, so the mapping is folded to one line.
  await page.getByText(/^All \d+ columns accounted for/).waitFor();
  assert.equal(await tab(page, 'Updated').getAttribute('aria-selected'), 'true');
  await page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Then Deactivate — New Status [UPLOAD ONLY]: Suspended' }).waitFor();
  await shot(page, 'upload-google');
  await assertAccessible(page, 'the upload preview of a Google Workspace file');
  await page.getByRole('button', { name: /^Apply 1 change/ }).click();
  await page.getByText('Done.').waitFor();
  await openDirectory(page, `${app.url}#/?q=${encodeURIComponent(email)}`, /^1 user of 1,000$/);
  await page.getByRole('table', { name: 'Users' }).getByText('Inactive').waitFor();
  watch.assertClean();
});

test('an Entra ID bulk create file (version line first) creates its users, with Block sign in judged by Activate’s rules', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await page.goto(`${app.url}#/upload`);
  const buffer = await fs.readFile(path.join(root, 'tests/fixtures/entra-bulk-create.csv'));
  await page.getByLabel('Choose a file').setInputFiles({ name: 'entra-bulk-create.csv', mimeType: 'text/csv', buffer });
  await tabs(page).waitFor();
  await page.getByText('Entra ID bulk create file').waitFor();
  // Three people, read from row 3 on: the version line is neither the header nor a user.
  assert.match(await tab(page, 'New').textContent(), /^3/);
  await tab(page, 'New').click();
  await page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Then Activate — Block sign in (Yes/No) [accountEnabled] Required: No' }).first().waitFor();
  // Every column is accounted for, folded to one line; opened, the columns not read say why.
  await page.getByText(/^All 17 columns accounted for: \d+ read, \d+ not used/).click();
  await page.getByRole('cell', { name: /Muster never reads passwords from a file/ }).waitFor();
  // Before applying: a new user cannot be activated; Activate's own reason, by row.
  await page.getByText(/Activate: /).first().waitFor();
  await shot(page, 'upload-entra');
  await page.getByRole('button', { name: /^Apply 3 changes/ }).click();
  await page.getByText('Done.').waitFor();
  await openDirectory(page, `${app.url}#/?q=chris.green`, /^1 user of 1,003$/);
  watch.assertClean();
});
