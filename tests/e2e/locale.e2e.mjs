import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chooseAction, openBrowser, openDirectory, startApp } from './harness.mjs';

// Numbers, dates and times come from one Intl module in the browser's locale — on the page and in
// the engine's worker alike (the invitation email is written there).
let app;
let browser;
before(async () => {
  app = await startApp();
  browser = await openBrowser({ locale: 'de-DE' });
});
after(async () => {
  try {
    await browser?.close();
  } finally {
    await app?.close();
  }
});

test('a German browser reads German numbers and dates, on the page and in what the engine writes', async () => {
  const { page } = browser;
  await openDirectory(page, app.url, /1\.000 users/);
  await page.goto(`${app.url}#/?status=profile_only`);
  await page.getByRole('button', { name: /Select all [\d.]+ users matching/ }).click();
  const dialog = await chooseAction(page, 'Invite to activate account');
  await dialog.getByLabel(/Welcome message/).fill('Willkommen!');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText(/Applies to/).waitFor();
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await dialog.getByText('Done.').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.goto(`${app.url}#/outbox`);
  const row = page.getByRole('table', { name: 'Outbox' }).getByRole('row').nth(1);
  // de-DE medium date and short time: "02.12.2026, 09:41".
  assert.match((await row.textContent()) ?? '', /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  await row.getByRole('button').first().click();
  assert.match((await page.getByRole('article').textContent()) ?? '', /expires on \d{2}\.\d{2}\.\d{4}\./);
});
