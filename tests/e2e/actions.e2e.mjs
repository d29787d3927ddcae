import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseAction, fillDate, shot, useApp } from './harness.mjs';

const env = useApp();

const table = () => env.page.getByRole('table', { name: 'Users' });

/** Shows the directory filtered by the URL, as a pasted link would. */
async function show(query) {
  const { page } = env;
  await page.goto(query ? `${env.url}#/?${query}` : `${env.url}#/`);
  await page.getByRole('status').filter({ hasText: /\d users?/ }).first().waitFor();
  await table().getByRole('row').nth(1).getByRole('checkbox').or(page.getByText('No users match')).waitFor();
}

async function totalShown() {
  const text = await env.page.getByRole('status').filter({ hasText: /users? of|^\d[\d,]* users?$/ }).first().textContent();
  return Number(text.match(/[\d,]+/)[0].replace(/,/g, ''));
}


async function previewThenApply(dialog) {
  await dialog.getByText(/Applies to/).waitFor();
  const applies = Number((await dialog.getByText(/Applies to/).textContent()).match(/Applies to ([\d,]+)/)[1].replace(/,/g, ''));
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  return applies;
}

async function finish(dialog) {
  await dialog.getByText('Done.').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('Activate applies only to inactive users and lists the others with their reasons', async () => {
  const { page } = env;
  await show('status=inactive,invited,profile_only,expired');
  const rows = table().getByRole('row');
  // A mixed selection: the first eight rows, picked with a click and a shift-click.
  await rows.nth(1).getByRole('checkbox').click();
  await rows.nth(8).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await page.getByText('8 users selected').waitFor();
  for (let i = 1; i <= 8; i++) assert.equal(await rows.nth(i).getByRole('checkbox').isChecked(), true, `row ${i} shows as selected`);
  const statuses = await Promise.all([...Array(8)].map((_, i) => rows.nth(i + 1).getByRole('cell').nth(3).textContent()));
  const inactive = statuses.filter((s) => s === 'Inactive').length;

  const dialog = await chooseAction(env.page, 'Activate');
  await dialog.getByText(/Applies to/).waitFor();
  await shot(page, 'activate-preview');
  for (const [status, reason] of [
    ['Invited', 'Invited — becomes active on accepting the invitation'],
    ['Profile only', 'Profile only — invite them or set a password'],
    ['Expired', 'Invitation expired — send a new invitation']
  ])
    if (statuses.includes(status)) await dialog.getByText(reason).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download preview (CSV)' }).click()]);
  const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  assert.equal(csv.trim().split(/\r\n/).length, 9, 'a header and one line per selected user');
  assert.match(csv, /skipped,Invited — becomes active on accepting the invitation|skipped,Profile only|skipped,Invitation expired/);
  const applies = await previewThenApply(dialog);
  assert.equal(applies, inactive);
  await finish(dialog);
  // The activated users left this filter; the others are still here, unchanged.
  await show('status=active&q=');
  env.watch.assertClean();
});

test('Invite sends an invitation to profile-only and expired regular users and skips directory users', async () => {
  const { page } = env;
  await show('status=profile_only,expired');
  const before = await totalShown();
  await page.getByRole('button', { name: /Select all [\d,]+ users matching/ }).click();
  const dialog = await chooseAction(env.page, 'Invite to activate account');
  await dialog.getByLabel(/Welcome message/).fill('Welcome to Muster!');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText('Directory user — signs in through your directory').waitFor();
  const applies = await previewThenApply(dialog);
  await finish(dialog);
  await show('status=profile_only,expired&type=regular');
  // Regular users whose access has expired stay behind, with their own reason.
  assert.ok((await totalShown()) < before);
  await page.goto(`${env.url}#/outbox`);
  await page.getByRole('table', { name: 'Outbox' }).waitFor();
  const outboxTotal = await page.getByRole('status').filter({ hasText: /emails?/ }).first().textContent();
  assert.match(outboxTotal, new RegExp(`^${applies.toLocaleString('en-US')} email`));
  await page.getByRole('table', { name: 'Outbox' }).getByRole('button').first().click();
  await page.getByRole('article').getByText('Welcome to Muster!').waitFor();
  await shot(page, 'outbox');
  env.watch.assertClean();
});

test('Delete skips content owners, or transfers their content first in the same operation, which a revert gives back; Undelete brings users back as inactive', async () => {
  const { page } = env;
  await show('flags=ownsContent&status=active');
  const owners = await totalShown();
  await page.getByRole('button', { name: /Select all [\d,]+ users matching/ }).click();
  let dialog = await chooseAction(env.page, 'Delete');
  await dialog.getByText('Owns content — transfer ownership first').waitFor();
  await dialog.getByText(/Applies to 0 users/).waitFor();
  // The way past the reason: choose who receives the content, then delete, in one go.
  await dialog.getByRole('button', { name: 'Transfer their content to…' }).click();
  await dialog.getByRole('radio').first().check();
  await dialog.getByRole('button', { name: 'Transfer their content, then delete' }).click();
  await dialog.getByRole('list', { name: 'What changes' }).getByText(/Owned content/).first().waitFor();
  // Every owner now applies, but the new owner (if they were selected) and the acting administrator.
  assert.equal(await dialog.getByText('Owns content — transfer ownership first').count(), 0);
  const applies = Number((await dialog.getByText(/Applies to/).textContent()).match(/Applies to ([\d,]+)/)[1].replace(/,/g, ''));
  assert.ok(applies >= owners - 2 && applies > 0, `${applies} of ${owners} owners apply`);
  await shot(page, 'delete-with-transfer');
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await dialog.getByLabel(/Type .* to confirm/).fill(String(applies));
  await dialog.getByLabel(/Type .* to confirm/).press('Enter');
  await dialog.getByText('Done.').waitFor();
  await dialog.getByRole('link', { name: 'Open the change report' }).click();
  await page.getByRole('button', { name: /^Revert/ }).click();
  const revert = page.getByRole('dialog');
  await revert.getByRole('button', { name: /^Revert \d/ }).click();
  await revert.getByText(/^Reverted\./).waitFor();
  await revert.getByRole('button', { name: 'Close' }).click();
  await show('flags=ownsContent&status=active');
  assert.equal(await totalShown(), owners, 'the owners are back, with their content');
  const clear = page.getByRole('button', { name: 'Clear selection' });
  if (await clear.isVisible()) await clear.click();

  await show('status=inactive&type=directory');
  const rows = table().getByRole('row');
  await rows.nth(1).getByRole('checkbox').click();
  await rows.nth(2).getByRole('checkbox').click();
  dialog = await chooseAction(env.page, 'Delete');
  const deleting = await previewThenApply(dialog);
  // Destructive: the administrator types the number of users affected.
  const confirm = dialog.getByRole('button', { name: 'Delete' });
  assert.equal(await confirm.isDisabled(), true);
  await shot(page, 'delete-confirm');
  await dialog.getByLabel(/Type .* to confirm/).fill(String(deleting));
  await confirm.click();
  await finish(dialog);

  await show('status=deleted&type=directory');
  await page.getByText('No users selected').waitFor();
  await table().getByRole('row').nth(1).getByRole('checkbox').click();
  dialog = await chooseAction(env.page, 'Undelete');
  assert.equal(await previewThenApply(dialog), 1);
  await finish(dialog);
  env.watch.assertClean();
});

test('Reset 2FA, Unlock, Set role and Expire access change exactly the eligible users', async () => {
  const { page } = env;
  for (const [query, action, afterQuery] of [
    ['twoFactor=enrolled,none&status=active', 'Reset 2FA', 'twoFactor=enrolled&status=active'],
    ['flags=locked', 'Unlock', 'flags=locked']
  ]) {
    await show(query);
    await page.getByRole('button', { name: /Select all/ }).click();
    const dialog = await chooseAction(env.page, action);
    assert.ok((await previewThenApply(dialog)) > 0);
    await finish(dialog);
    await show(afterQuery);
    await page.getByText('No users match').waitFor();
  }

  await show('role=instructor&status=active');
  const instructors = await totalShown();
  await page.getByRole('button', { name: /Select all/ }).click();
  let dialog = await chooseAction(env.page, 'Set role');
  await dialog.getByLabel('Learner').check();
  await shot(page, 'set-role-params');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await previewThenApply(dialog);
  await finish(dialog);
  await show('role=instructor&status=active');
  await page.getByText('No users match').waitFor();
  assert.ok(instructors > 0);

  await show('status=active&q=abbott');
  await table().getByRole('row').nth(1).getByRole('checkbox').click();
  dialog = await chooseAction(env.page, 'Expire access');
  assert.equal(await previewThenApply(dialog), 1);
  await finish(dialog);
  env.watch.assertClean();
});

test('a cancelled apply changes nothing', async () => {
  const { page } = env;
  await show('');
  await page.getByRole('button', { name: /Select all/ }).click();
  const dialog = await chooseAction(env.page, 'Set access expiry');
  await fillDate(dialog, 'Date', '2030-01-31');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText(/Applies to/).waitFor();
  // Cancel the moment the write starts: the engine checks between chunk writes.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const cancel = [...document.querySelectorAll('[role=dialog] button')].find((b) => b.textContent?.trim() === 'Cancel');
      if (cancel && document.querySelector('[role=dialog] progress')) {
        cancel.click();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await dialog.getByText('Cancelled. Nothing was changed.').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await show('accessExpiry=2030-01-31..2030-01-31');
  await page.getByText('No users match').waitFor();
  env.watch.assertClean();
});

test('Enterprise plan: an Operations Manager sees forbidden actions disabled and other organizations skipped', async () => {
  const { page } = env;
  await show('status=active');
  await page.getByLabel('Plan').selectOption('enterprise');
  const ops = page.getByLabel('Acting as').getByRole('option', { name: /Operations Manager/ }).first();
  await page.getByLabel('Acting as').selectOption(await ops.getAttribute('value'));
  await page.getByRole('button', { name: /Select all/ }).click();
  await page.getByRole('button', { name: /Choose an action/ }).click();
  const del = page.getByRole('listbox', { name: 'Actions' }).getByRole('option', { name: /^Delete/ });
  await del.waitFor();
  assert.equal(await del.getAttribute('aria-disabled'), 'true');
  assert.match(await del.textContent(), /None of your roles may delete and undelete users/);
  await shot(page, 'menu-enterprise');
  await page.getByRole('listbox', { name: 'Actions' }).getByRole('option', { name: /^Force password change/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Outside your organizations').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel('Plan').selectOption('standard');
  await page.getByLabel('Acting as').selectOption({ index: 0 });
  env.watch.assertClean();
});

test('after an apply the search, the rows, the selection and focus are where the administrator left them', async () => {
  const { page } = env;
  await show('status=active');
  const box = page.getByRole('searchbox', { name: 'Search users by name or email' });
  await box.fill('son');
  await page.getByRole('status').filter({ hasText: /^\d[\d,]* users? of 1,000$/ }).waitFor();
  const shown = await totalShown();
  const clear = page.getByRole('button', { name: 'Clear selection' });
  if (await clear.isVisible()) await clear.click();
  await table().getByRole('row').nth(1).getByRole('checkbox').check();
  await table().getByRole('row').nth(2).getByRole('checkbox').check();
  const dialog = await chooseAction(page, 'Force password change');
  await previewThenApply(dialog);
  await finish(dialog);
  assert.equal(await box.inputValue(), 'son', 'the search box keeps its text');
  assert.equal(await totalShown(), shown, 'the table still shows the search’s users');
  await page.getByText(/^2 users selected/).waitFor();
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Choose an action/, 'focus is back on the menu that opened the dialog');
  env.watch.assertClean();
});

test('the result of an apply offers to undo it at once: the revert preview opens on its report', async () => {
  const { page } = env;
  await show('status=inactive');
  const clear = page.getByRole('button', { name: 'Clear selection' });
  if (await clear.isVisible()) await clear.click();
  await table().getByRole('row').nth(1).getByRole('checkbox').check();
  const dialog = await chooseAction(page, 'Activate');
  assert.equal(await previewThenApply(dialog), 1);
  await dialog.getByText('Done.').waitFor();
  await dialog.getByRole('link', { name: 'Undo this change…' }).click();
  const revert = page.getByRole('dialog', { name: /^Revert report #/ });
  await revert.getByText(/^Reverts 1 user/).waitFor();
  await revert.getByRole('button', { name: /^Revert 1 user/ }).click();
  await revert.getByText(/^Reverted\./).waitFor();
  env.watch.assertClean();
});
