// The one write gate seen in the running app: a lower administrator's preview and report list the
// Administrators it may not touch, an upload's options say which rows it will skip, and switching
// the acting administrator is in the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseAction, openDirectory, shot, useApp } from './harness.mjs';

const env = useApp();

test('an Operations Manager cannot deactivate Administrators: the preview says why, the report lists them, the audit log records the switch', async () => {
  const { page, url } = env;
  const actingAs = page.getByLabel('Acting as');
  await actingAs.selectOption(await actingAs.locator('option', { hasText: 'Operations Manager' }).first().getAttribute('value'));
  await actingAs.locator('option:checked').filter({ hasText: 'Operations Manager' }).waitFor({ state: 'attached' });
  await openDirectory(page, `${url}#/?status=active&role=administrator`, /users? of 1,000/);
  await page.getByRole('checkbox', { name: /^Select the \d+ users? in view/ }).check();
  const dialog = await chooseAction(page, 'Deactivate');
  await dialog.getByText('Only an Administrator can change an Administrator').waitFor();
  await shot(page, 'policy-rank-preview');
  assert.equal(await dialog.getByRole('button', { name: /^Apply to/ }).isDisabled(), true, 'nobody to apply to');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`${url}#/reports`);
  const row = page.getByRole('row').filter({ hasText: /Acting administrator: .+ → .+/ });
  await row.first().waitFor();
  assert.match(await row.first().textContent(), /Session/);
  env.watch.assertClean();
});

test('an upload says, before applying, which rows the acting administrator may not change', async () => {
  const { page, url } = env;
  await page.getByLabel('Plan').selectOption('enterprise');
  await page.getByLabel('Plan').locator('option:checked').filter({ hasText: 'Enterprise' }).waitFor({ state: 'attached' });
  await openDirectory(page, `${url}#/?status=active&role=learner`, /users? of 1,000/);
  const email = (await page.getByRole('table', { name: 'Users' }).getByRole('row').nth(1).getByRole('cell').nth(2).textContent()).trim();
  await page.goto(`${url}#/upload`);
  const csv = `email,roles\r\n${email},Administrator\r\n`;
  await page.getByLabel('Choose a file').setInputFiles({ name: 'promote.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const skipped = page.getByRole('status').filter({ hasText: /will be skipped/ });
  await skipped.waitFor();
  assert.match(await skipped.textContent(), /None of your roles may change roles and organization management \(Roles\)|Outside your organizations/);
  await shot(page, 'policy-upload-skips');
  env.watch.assertClean();
});
