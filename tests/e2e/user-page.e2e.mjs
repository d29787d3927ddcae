// The user's page (issue 15): open one person from the directory, see them in words, edit them in
// place, read and revert their history, add a new person; the directory keeps its filter, scroll
// and selection across the visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, shot, useApp, userRow } from './harness.mjs';

const env = useApp();
const ROW = 44;

const row = (i) => userRow(env.page, i);
/** The scrolling body of the virtual Users table. */
const rowsBody = () => env.page.getByRole('table', { name: 'Users' }).getByRole('rowgroup').nth(1);
const main = () => env.page.locator('main');
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Nothing on the page is an id: no organization, company or role id, no "user #12". */
async function assertNoIds() {
  const text = await main().innerText();
  assert.doesNotMatch(text, /\b(org|co)-\d+\b|\buser #\d|\b(account_executive|operations_manager|profile_only)\b/, 'the page shows names, never ids');
}

/** The value shown for a labelled fact of the user's page (a <dt>/<dd> pair). */
async function fact(label) {
  return (await main().locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd').first().innerText()).trim();
}

async function openUserFromRow(i) {
  const { page } = env;
  const link = row(i).getByRole('link');
  const name = (await link.textContent()).trim();
  await link.click();
  await page.waitForURL(/#\/users\/\d+$/, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('status').filter({ hasText: /(operations? changed this user|No changes yet)$/ }).waitFor();
  return name;
}

let edited; // { name, email, title, organization, newOrganization, reportId }

test('a name in the directory opens the user’s page: every field in words, the actions that apply first', async () => {
  const { page, url } = env;
  await page.goto(`${url}#/?status=active&sort=email:asc`);
  await row(1).getByRole('checkbox').waitFor();
  await row(1).getByRole('checkbox').check();
  await row(2).getByRole('checkbox').check();
  await page.getByText('2 users selected').waitFor();
  // Scroll well down the virtual table and open someone from there.
  await rowsBody().evaluate((el, top) => (el.scrollTop = top), 30 * ROW);
  await row(36).getByRole('link').waitFor();
  const scrolled = await rowsBody().evaluate((el) => el.scrollTop);
  assert.equal(scrolled, 30 * ROW);
  const email = (await row(36).getByRole('cell').nth(2).textContent()).trim();
  const name = await openUserFromRow(36);

  assert.equal(await fact('Email'), email);
  assert.match(await fact('Roles'), /^[A-Z][\w ,]+$/);
  assert.match(await page.getByLabel('What this status means').innerText(), /They can sign in/);
  assert.ok((await fact('Created')).length > 4);
  await assertNoIds();
  // The actions that apply come first as buttons; the others with the reason they do not.
  const actions = page.getByRole('region', { name: `Act on ${name}` });
  await actions.getByRole('button', { name: 'Deactivate…' }).waitFor();
  await actions.getByText(/other actions? do(es)? not apply/).click();
  await actions.getByText('Activate', { exact: true }).waitFor();
  await assertAccessible(page, 'the user’s page');

  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `user-page-${width}`);
  }
  await page.setViewportSize({ width: 1400, height: 900 });

  // The page reloads as it is: its address is its own.
  await page.reload();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  // Back to the directory: this reload stands between, so "← Users" opens the directory as it was left.
  await page.getByRole('link', { name: '← Users' }).click();
  await page.waitForURL(/#\/\?status=active&sort=email:asc$/, { waitUntil: 'commit' });
  await page.getByText('2 users selected').waitFor();
  await row(36).getByRole('link', { name }).waitFor();
  assert.equal(await rowsBody().evaluate((el) => el.scrollTop), scrolled, 'the table is scrolled as it was left');
  edited = { name, email, scrolled };
});

test('edit title and organization in place; the change is in the history and the directory; reverted from the history’s report link', async () => {
  const { page } = env;
  const { name, scrolled } = edited;
  await openUserFromRow(36);
  const title = await fact('Title');
  const organization = await fact('Organization');

  await page.getByRole('button', { name: 'Edit profile' }).click();
  const form = page.getByRole('form', { name: 'Edit profile' });
  // A wrong value is refused with its message beside the field.
  await form.getByLabel('First name').fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  const first = form.getByLabel('First name');
  await form.getByText('Fill this in.').waitFor();
  assert.equal(await first.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator(`#${await first.getAttribute('aria-describedby')}`).textContent(), 'Fill this in.');
  await assertAccessible(page, 'the edit form with an error');
  await first.fill(name.split(' ')[0]);

  await form.getByLabel('Title').fill('Head of Testing');
  const orgSelect = form.getByLabel('Organization');
  const options = await orgSelect.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent.trim() })));
  const next = options.find((o) => o.value && o.label !== organization);
  await orgSelect.selectOption(next.value);
  await shot(page, 'user-page-edit');
  await form.getByRole('button', { name: 'Save' }).click();
  const saved = page.getByRole('status').filter({ hasText: /^Saved\./ });
  await saved.waitFor();
  const reportId = Number((await saved.getByRole('link').getAttribute('href')).match(/\d+$/)[0]);
  assert.equal(await fact('Title'), 'Head of Testing');
  assert.equal(await fact('Organization'), next.label);

  // The history, newest first: this edit, each field before → after in words.
  const entry = page.getByRole('article').first();
  await entry.getByRole('link', { name: `Edit ${name}` }).waitFor();
  const text = await entry.innerText();
  assert.match(text, new RegExp(`Title\\s+${esc(title)}\\s+→\\s+Head of Testing`));
  assert.match(text, new RegExp(`Organization\\s+${esc(organization)}\\s+→\\s+${esc(next.label)}`));
  await assertNoIds();

  // The directory shows it too, with the filter, scroll and selection kept (browser back).
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForURL(/#\/\?status=active&sort=email:asc$/, { waitUntil: 'commit' });
  await page.getByText('2 users selected').waitFor();
  await row(36).getByRole('cell', { name: next.label }).waitFor();
  assert.equal(await rowsBody().evaluate((el) => el.scrollTop), scrolled);

  // The audit log finds the edit by the person it changed.
  await page.goto(`${env.url}#/reports`);
  await page.getByLabel('Person changed').fill(name);
  await page.getByRole('table', { name: 'Operations' }).getByRole('link', { name: `Edit ${name}` }).waitFor();
  await page.getByLabel('Person changed').fill('nobody-matches-this');
  await page.getByText('No operation matches these filters.').waitFor();
  await page.goBack({ waitUntil: 'commit' });

  // Revert it from the history's report link; the page shows the values back.
  await page.waitForURL(/#\/\?status=active/, { waitUntil: 'commit' });
  await openUserFromRow(36);
  await page.getByRole('article').first().getByRole('link', { name: `Edit ${name}` }).click();
  await page.waitForURL(new RegExp(`#/reports/${reportId}$`), { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Revert…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Revert 1 user' }).click();
  await dialog.getByText(/^Reverted\./).waitFor();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await page.goBack({ waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('article').first().getByRole('link', { name: `Revert of #${reportId}: Edit ${name}` }).waitFor();
  assert.equal(await fact('Title'), title);
  assert.equal(await fact('Organization'), organization);
  await page.getByRole('article').nth(1).getByRole('link', { name: /^reverted by #\d+$/ }).waitFor();
  await page.getByRole('region', { name: 'History' }).scrollIntoViewIfNeeded();
  await shot(page, 'user-page-history');

  // And the directory has the old organization back, still with its selection.
  await page.getByRole('link', { name: '← Users' }).click();
  await page.getByText('2 users selected').waitFor();
  await row(36).getByRole('cell', { name: organization }).waitFor();
  await rowsBody().evaluate((el) => (el.scrollTop = 0));
  assert.equal(await row(1).getByRole('checkbox').isChecked(), true);
  assert.equal(await row(2).getByRole('checkbox').isChecked(), true);
  assert.equal(await row(3).getByRole('checkbox').isChecked(), false);
  env.watch.assertClean();
});

test('add a user and invite them at once: errors beside the fields, then their page, the email, the directory', async () => {
  const { page, url } = env;
  await page.goto(`${url}#/?sort=email`);
  await row(1).getByRole('checkbox').waitFor();
  const taken = (await row(1).getByRole('cell').nth(2).textContent()).trim();

  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await dialog.getByLabel('First name').fill('Nia');
  await dialog.getByRole("textbox", { name: "Email" }).fill(taken);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  const email = dialog.getByRole("textbox", { name: "Email" });
  await dialog.getByText(/already has this email\.$/).waitFor();
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.equal(await dialog.getByLabel('Last name').getAttribute('aria-invalid'), 'true');
  await shot(page, 'add-user-errors');
  await assertAccessible(page, 'the Add user dialog with errors');

  await dialog.getByLabel('Last name').fill('Newcomer');
  await email.fill('nia.newcomer@example.com');
  await dialog.getByLabel('Title').fill('Field engineer');
  const org = dialog.getByLabel('Organization');
  const orgName = (await org.locator('option').nth(2).textContent()).trim();
  await org.selectOption({ label: orgName });
  await dialog.getByRole('checkbox', { name: 'Instructor' }).check();
  await dialog.getByRole('radio', { name: /Invite now/ }).check();
  await dialog.getByLabel(/Welcome message/).fill('Welcome to the team, Nia!');
  await dialog.getByRole('button', { name: 'Add and invite' }).click();

  await page.waitForURL(/#\/users\/\d+$/, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: 'Nia Newcomer' }).waitFor();
  assert.match(await page.getByLabel('What this status means').innerText(), /An invitation was sent/);
  assert.equal(await fact('Organization'), orgName);
  assert.equal(await fact('Roles'), 'Learner, Instructor');
  assert.equal(await fact('Welcome message'), 'Welcome to the team, Nia!');
  assert.equal(await fact('Times sent'), '1');
  await page.getByRole('article').first().getByText('Added to the directory').waitFor();
  await assertNoIds();
  await shot(page, 'user-page-invited');

  // The invitation email opens in the Outbox.
  await page.getByRole('link', { name: 'Open the invitation email in the Outbox' }).click();
  await page.getByRole('article', { name: 'Email to nia.newcomer@example.com' }).getByText(/Welcome to the team, Nia!/).waitFor();
  await page.goBack({ waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: 'Nia Newcomer' }).waitFor();

  // An action from the page opens the directory's dialog for this one user; the page reloads after.
  await page.getByRole('button', { name: 'Cancel invitation…' }).click();
  const action = page.getByRole('dialog', { name: 'Cancel invitation' });
  await action.getByRole('button', { name: 'Apply to 1 user' }).click();
  await action.getByText('Done.').waitFor();
  await action.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel('What this status means').getByText(/have not been invited/).waitFor();
  await page.getByRole('article').first().getByRole('link', { name: /^Cancel invitation/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Open the invitation email in the Outbox' }).count(), 0);

  // And the directory finds them.
  await page.goto(`${url}#/?q=newcomer`);
  await page.getByRole('status').filter({ hasText: /^1 user of [\d,]+$/ }).waitFor();
  await row(1).getByRole('link', { name: 'Nia Newcomer' }).waitFor();
  env.watch.assertClean();
});

test('Enter on a focused row opens that user; browser back returns to the filtered directory', async () => {
  const { page, url } = env;
  await page.goto(`${url}#/?status=invited`);
  await row(3).getByRole('link').waitFor();
  const name = (await row(3).getByRole('link').textContent()).trim();
  await row(2).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await row(3).evaluate((el) => el === document.activeElement), true, 'ArrowDown moves to the next row');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/users\/\d+$/, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name }).waitFor();
  assert.match(await page.getByLabel('What this status means').innerText(), /You can resend the invitation or cancel it/);
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForURL(/#\/\?status=invited$/, { waitUntil: 'commit' });
  await row(3).getByRole('link', { name }).waitFor();
  env.watch.assertClean();
});

test('the user’s page at 100,000 users: opened from the directory, its history, screenshots at 1440 and 1024 px', async () => {
  const { page, url } = env;
  await page.goto(`${url}#/settings`);
  await page.getByLabel('100,000 users').check();
  await page.getByRole('button', { name: /Reset to demo data/ }).click();
  await page.getByRole('button', { name: /^Reset to 100,000 demo users/ }).click();
  await page.getByText(/^The workspace now holds 100,000 demo users\./).waitFor({ timeout: 120_000 });
  await page.goto(`${url}#/?status=active&role=account_executive`);
  await page.getByRole('status').filter({ hasText: /^[\d,]+ users of 100,000$/ }).waitFor({ timeout: 60_000 });
  const name = await openUserFromRow(3);
  await assertNoIds();
  // One edit, so the history has an entry to show.
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByRole('form', { name: 'Edit profile' }).getByLabel('Department').fill('Enterprise accounts');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: /^Saved\./ }).waitFor();
  await page.getByRole('article').first().getByRole('link', { name: `Edit ${name}` }).waitFor();
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `user-page-100k-${width}`);
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  env.watch.assertClean();
});
