import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
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

test('upload a file mixing new, updated, unchanged, invalid and duplicate rows; check the preview and the directory', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await openDirectory(page, `${app.url}#/?status=active&type=regular`, /users of 1,000/);
  const rows = page.getByRole('table', { name: 'Users' }).getByRole('row');
  const emailOf = async (i) => (await rows.nth(i).getByRole('cell').nth(2).textContent()).trim();
  const [changed, same] = [await emailOf(1), await emailOf(2)];

  const csv = [
    'Email;First Name;Last Name;Time Zone',
    'new.one@example.com;New;One;Asia/Tokyo',
    'new.two@example.com;New;Two;',
    `${changed.toUpperCase()};;;Pacific/Auckland`,
    `${same};;;`,
    'broken-email;X;Y;',
    'NEW.ONE@example.com ;Dup;Row;'
  ].join('\r\n');
  await page.goto(`${app.url}#/upload`);
  await page.getByLabel('Choose a file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const tabs = page.getByRole('tablist', { name: 'Rows by outcome' });
  await tabs.waitFor();
  const tab = (name) => tabs.getByRole('tab', { name: new RegExp(`${name}$`) });
  assert.match(await tab('New').textContent(), /^2/);
  assert.match(await tab('Updated').textContent(), /^1/);
  assert.match(await tab('Unchanged').textContent(), /^1/);
  assert.match(await tab('Invalid').textContent(), /^2/);
  assert.equal(await page.getByLabel('Separator').inputValue(), ';');
  // The preview opens on what needs attention: the invalid rows.
  assert.equal(await tab('Invalid').getAttribute('aria-selected'), 'true');
  await tab('Updated').click();
  await page.getByRole('tabpanel').getByText('Pacific/Auckland').waitFor();
  await shot(page, 'upload-preview');
  await tab('Invalid').click();
  await page.getByRole('tabpanel').getByText(/duplicates row 2/).waitFor();

  await page.getByLabel(/Invite new users/).uncheck();
  await page.getByRole('button', { name: /^Apply 3 changes/ }).click();
  await page.getByText('Done.').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the results (CSV)' }).click()]);
  const results = await fs.readFile(await download.path(), 'utf8');
  assert.match(results, /2,new\.one@example\.com,created,created as profile only/);
  assert.match(results, /6,,invalid,email: is not a valid email address/);
  await shot(page, 'upload-done');

  await openDirectory(page, `${app.url}#/?q=new.one@example.com`, /1 user of/);
  await page.getByRole('table', { name: 'Users' }).getByText('Profile only').waitFor();
  await page.goto(`${app.url}#/?q=${encodeURIComponent(changed)}`);
  await page.getByRole('status').filter({ hasText: /1 user of/ }).waitFor();
  watch.assertClean();
});

test('bad files get a clear message and change nothing', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await page.goto(`${app.url}#/upload`);
  const pick = (name, buffer) => page.getByLabel('Choose a file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await pick('empty.csv', Buffer.alloc(0));
  await page.getByRole('alert').filter({ hasText: 'The file is empty.' }).waitFor();
  await pick('book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
  await page.getByRole('alert').filter({ hasText: /spreadsheet workbook/ }).waitFor();
  await pick('header.csv', Buffer.from('email,first_name\r\n'));
  await page.getByRole('alert').filter({ hasText: 'header row but no users' }).waitFor();
  await pick('quote.csv', Buffer.from('email,first_name\r\n"a@b.co,Ann\r\nc@d.co,Bo\r\n'));
  await page.getByRole('alert').filter({ hasText: /starts on line 2 is never closed/ }).waitFor();
  await pick('noemail.csv', Buffer.from('name,phone\r\nAnn,1\r\n'));
  await page.getByRole('alert').filter({ hasText: /no email column/ }).waitFor();
  // Choosing the email column by hand fixes the mapping.
  await page.getByLabel('Field for column name').selectOption('email');
  await page.getByRole('tablist', { name: 'Rows by outcome' }).waitFor();
  watch.assertClean();
});
