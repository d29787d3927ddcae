// The two questions asked before the workspace is replaced (Settings: demo data, restore from a
// backup): one alert dialog, reached and answered by keyboard, focus returned, axe-clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { assertAccessible, shot, useApp } from './harness.mjs';

const env = useApp();
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim());

test('resetting to demo data asks first; Escape keeps the workspace and focus goes back to the button', async () => {
  const { page, url } = env;
  await page.goto(`${url}#/settings`);
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  const reset = page.getByRole('button', { name: 'Reset to demo data…' });
  await reset.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Reset to demo data?' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Keep my workspace');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Reset to 1,000 demo users');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Keep my workspace', 'Tab stays inside the question');
  await assertAccessible(page, 'the demo data question');
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `settings-reset-question-${width}`);
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await reset.evaluate((el) => el === document.activeElement), true, 'focus is back on the button that asked');
  assert.equal(await page.getByText(/^The workspace now holds/).count(), 0, 'nothing was reset');
  env.watch.assertClean();
});

test('restoring a backup asks first; keeping the workspace changes nothing, replacing it restores the file', async () => {
  const { page, url } = env;
  await page.goto(`${url}#/settings`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the workspace' }).click()]);
  const bytes = fs.readFileSync(await download.path());
  const input = page.getByLabel('Restore from a file');
  const file = { name: 'muster-backup.json.gz', mimeType: 'application/gzip', buffer: bytes };

  await input.setInputFiles(file);
  const dialog = page.getByRole('alertdialog', { name: 'Replace the workspace?' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Replace everything in this browser with muster-backup\.json\.gz\?/);
  await assertAccessible(page, 'the restore question');
  await dialog.getByRole('button', { name: 'Keep my workspace' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'focus is back on the file input');
  assert.equal(await input.evaluate((el) => el.files.length), 0, 'the file is forgotten');
  assert.equal(await page.getByText(/^Restored /).count(), 0, 'nothing was restored');

  await input.setInputFiles(file);
  await dialog.getByRole('button', { name: 'Replace the workspace' }).click();
  const result = page.getByRole('region', { name: 'Backup and restore' }).getByRole('status').or(page.getByRole('alert'));
  await result.first().waitFor({ timeout: 60_000 });
  assert.match(await result.first().innerText(), /^Restored 1,000 users and \d+ reports from muster-backup\.json\.gz\.$/);
  await dialog.waitFor({ state: 'detached' });
  env.watch.assertClean();
});
