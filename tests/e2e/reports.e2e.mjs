import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { chooseAction, fillDate, shot, useApp, userRow } from './harness.mjs';

const env = useApp();

const table = () => env.page.getByRole('table', { name: 'Users' });
const row = (i) => userRow(env.page, i);

/** The directory's total for a filter, as its status line says it. */
async function totalFor(query) {
  const { page } = env;
  await page.goto(`${env.url}#/?${query}`);
  const status = page.getByRole('status').filter({ hasText: /^\s*[\d,]+ users?( of [\d,]+)?\s*$/ }).first();
  await status.waitFor();
  return Number((await status.textContent()).match(/[\d,]+/)[0].replace(/,/g, ''));
}

async function setRole(role) {
  const { page } = env;
  const dialog = await chooseAction(page, 'Set role');
  await dialog.getByRole('radio', { name: role }).check();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const apply = dialog.getByRole('button', { name: /^Apply to/ });
  await apply.waitFor();
  const applies = Number((await apply.textContent()).match(/[\d,]+/)[0]);
  await apply.click();
  await dialog.getByText('Done.').waitFor();
  const link = await dialog.getByRole('link', { name: 'Open the change report' }).getAttribute('href');
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { applies, reportId: Number(link.match(/\d+$/)[0]) };
}

test('Set role on 50 users, change one again, revert the first: 49 go back, 1 conflict; the CSV export has the right rows', async () => {
  const { page } = env;
  const instructors = await totalFor('role=instructor');
  await page.goto(`${env.url}#/?status=active&role=learner&sort=email`);
  await row(1).getByRole('checkbox').waitFor();
  const emails = [await row(1).getByRole('cell').nth(2).textContent()];
  await row(1).getByRole('checkbox').click();
  // Scroll the virtual table until row 50 exists, then shift-click it: 50 users selected.
  while (!(await row(50).isVisible())) {
    await table().hover();
    await page.mouse.wheel(0, 600);
  }
  await row(50).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await page.getByText('50 users selected').waitFor();
  const first = await setRole('Instructor');
  assert.equal(first.applies, 50);

  // Change one of the fifty again: the first user (by email) now becomes an Account Executive.
  await totalFor(`q=${encodeURIComponent(emails[0])}`);
  await row(1).getByRole('checkbox').click();
  const second = await setRole('Account Executive');
  assert.equal(second.applies, 1);

  await page.goto(`${env.url}#/reports`);
  await page.getByRole('table', { name: 'Operations' }).getByRole('link', { name: 'Set role' }).last().click();
  await page.getByRole('heading', { name: 'Set role' }).waitFor();
  await page.getByRole('img', { name: /Applied: 50/ }).waitFor();
  await page.getByRole('button', { name: 'Revert…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/Reverts 49 users · 1 left alone/).waitFor();
  await dialog.getByText('Changed since by a later operation — left as it is').click();
  await dialog.getByText(emails[0]).waitFor();
  await shot(page, 'revert-preview');
  await dialog.getByRole('button', { name: 'Revert 49 users' }).click();
  await dialog.getByText(/Reverted\. 49 users back, 1 left alone/).waitFor();
  await dialog.getByRole('button', { name: 'Open the revert report' }).click();
  await page.getByRole('heading', { name: `Revert of #${first.reportId}: Set role` }).waitFor();
  await page.getByRole('link', { name: `report #${first.reportId}` }).click();
  await page.getByText(/Reverted by/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Revert…' }).count(), 0, 'a reverted report cannot be reverted twice');
  await shot(page, 'report');

  // The directory agrees: the instructors are as before; the user changed since stays as they are.
  assert.equal(await totalFor('role=instructor'), instructors);
  assert.equal(await totalFor(`role=account_executive&q=${encodeURIComponent(emails[0])}`), 1);

  // The first report's CSV export: one row per changed field, 50 users, Learner → Instructor.
  await page.goto(`${env.url}#/reports/${first.reportId}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click().then(() => page.getByRole('menuitem', { name: 'Changes (CSV)' }).click())]);
  const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  assert.equal(lines[0], 'operation,time,actor,user id,email,field,before,after');
  assert.equal(lines.length, 51);
  for (const line of lines.slice(1)) assert.match(line, /^#\d+ Set role,[^,]+,[^,]+,\d+,[^,]+,Roles,("[^"]*Learner[^"]*"|[^,]*Learner[^,]*),Instructor$/);

  // Searching the changes narrows the virtual list to that user.
  await page.getByRole('searchbox', { name: 'Search changes by user' }).fill(emails[0]);
  await page.getByRole('status').filter({ hasText: /^1 of 50 changes$/ }).waitFor();
  env.watch.assertClean();
});

test('the audit log filters by kind and day', async () => {
  const { page } = env;
  await page.goto(`${env.url}#/reports`);
  const ops = page.getByRole('table', { name: 'Operations' });
  await ops.getByRole('link').first().waitFor();
  await page.getByLabel('Kind').selectOption({ label: 'Revert' });
  await page.getByRole('status').filter({ hasText: /^1 matching operation$/ }).waitFor();
  assert.match(await ops.getByRole('link').first().textContent(), /^Revert of #/);
  await fillDate(page, 'From', '2030-01-01');
  await page.getByText('No operation matches these filters.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('status').filter({ hasText: /^3 operations$/ }).waitFor();
  await shot(page, 'audit-log');
  env.watch.assertClean();
});
