import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseAction, shot, useApp, userRow } from './harness.mjs';

const env = useApp();

const row = (i) => userRow(env.page, i);


async function previewAndApply(dialog) {
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await dialog.getByText('Done.').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Signs in on the sign-in page and passes the password and 2FA steps the demo user may have. */
async function signIn(email, password) {
  const { page } = env;
  await page.goto(`${env.url}#/sign-in`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  const home = page.getByRole('region', { name: 'Home' });
  const newPassword = page.getByRole('form', { name: 'Choose a new password' });
  const twoFactor = page.getByRole('form', { name: 'Set up two-factor authentication' });
  for (;;) {
    await home.or(newPassword).or(twoFactor).or(page.getByRole('alert')).first().waitFor();
    if (await newPassword.isVisible()) {
      await newPassword.getByLabel('New password').fill('a brand new passphrase');
      await newPassword.getByLabel('Type it again').fill('a brand new passphrase');
      await newPassword.getByRole('button', { name: 'Set password' }).click();
      await newPassword.waitFor({ state: 'detached' });
    } else if (await twoFactor.isVisible()) {
      const code = (await twoFactor.getByLabel('Simulated authenticator app').locator('strong').textContent()).replace(/\s/g, '');
      await twoFactor.getByLabel('Code').fill(code);
      await twoFactor.getByRole('button', { name: 'Verify' }).click();
      await twoFactor.waitFor({ state: 'detached' });
    } else return;
  }
}

test('flag two fields for three users, sign in as one: the modal cannot be dismissed until both hold valid values, then the flags are gone and a self-service report exists', async () => {
  const { page } = env;
  await page.goto(`${env.url}#/?status=active&type=regular&lastSignIn=2000-01-01..&sort=email:asc`);
  await row(1).getByRole('checkbox').click();
  await row(3).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await page.getByText('3 users selected').waitFor();
  const email = (await row(1).getByRole('cell').nth(2).textContent()).trim();
  const dialog = await chooseAction(env.page, 'Flag fields for update');
  await dialog.getByRole('checkbox', { name: 'Title' }).check();
  await dialog.getByRole('checkbox', { name: 'Department' }).check();
  await previewAndApply(dialog);

  // A wrong password first: the user is told how many tries are left.
  await page.goto(`${env.url}#/sign-in`);
  // Within the sign-in form: until the route has rendered, the directory's search box and its
  // "Sort by Email" button are what "Email" would find.
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill('not the password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: /Wrong password\. 4 attempts left/ }).waitFor();

  await signIn(email, 'muster-demo');
  const modal = page.getByRole('dialog', { name: 'Update your profile' });
  await modal.waitFor();
  assert.equal(await modal.getByRole('button').count(), 1, 'the only button saves');
  await page.keyboard.press('Escape');
  await page.mouse.click(10, 10);
  assert.equal(await modal.isVisible(), true, 'Escape and a click outside leave it open');
  await modal.getByLabel('Title').fill('');
  await modal.getByLabel('Department').fill('   ');
  await modal.getByRole('button', { name: 'Save and continue' }).click();
  await modal.getByText('Fill this in to continue').first().waitFor();
  assert.equal(await modal.getByText('Fill this in to continue').count(), 2);
  await shot(page, 'forced-update');
  await modal.getByLabel('Title').fill('Staff Engineer');
  await modal.getByLabel('Department').fill('Platform');
  await modal.getByRole('button', { name: 'Save and continue' }).click();
  await modal.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Signed in. Nothing else is required.' }).waitFor();

  await page.goto(`${env.url}#/?q=${encodeURIComponent(email)}&flags=hasFlaggedFields`);
  await page.getByRole('status').filter({ hasText: /^\s*0 users/ }).waitFor();
  await page.goto(`${env.url}#/reports`);
  await page.getByLabel('Kind').selectOption({ label: 'Self-service update' });
  await page.getByRole('link', { name: 'Updated flagged fields at sign-in' }).click();
  const changes = page.getByRole('table', { name: 'Changes' });
  await changes.getByRole('row').filter({ hasText: 'Staff Engineer' }).waitFor();
  await changes.getByRole('row').filter({ hasText: 'Platform' }).waitFor();
  await changes.getByRole('row').filter({ hasText: 'Flagged fields' }).waitFor();
  env.watch.assertClean();
});

test('invite a user, open the link from the outbox, set a password, sign in', async () => {
  const { page } = env;
  await page.goto(`${env.url}#/?status=profile_only&type=regular&sort=email:asc`);
  await row(1).getByRole('checkbox').click();
  const email = (await row(1).getByRole('cell').nth(2).textContent()).trim();
  const dialog = await chooseAction(env.page, 'Invite to activate account');
  await dialog.getByLabel(/Welcome message/).fill('Welcome to the team!');
  await previewAndApply(dialog);

  await page.goto(`${env.url}#/outbox`);
  await page.getByRole('searchbox', { name: 'Search emails by recipient' }).fill(email);
  await page.getByRole('table', { name: 'Outbox' }).getByRole('button', { name: email }).click();
  const mail = page.getByRole('article', { name: `Email to ${email}` });
  await mail.getByText('Welcome to the team!').waitFor();
  await mail.getByRole('link', { name: 'Accept the invitation' }).click();

  const accept = page.getByRole('form', { name: 'Accept your invitation' });
  await accept.getByLabel('New password').fill('short');
  await accept.getByLabel('Type it again').fill('short');
  await accept.getByRole('button', { name: 'Activate my account' }).click();
  await accept.getByRole('alert').filter({ hasText: /at least 10 characters/ }).waitFor();
  await accept.getByLabel('New password').fill('my first passphrase');
  await accept.getByLabel('Type it again').fill('my first passphrase');
  await accept.getByRole('button', { name: 'Activate my account' }).click();
  await page.getByRole('heading', { name: 'Your account is active' }).waitFor();
  await shot(page, 'invitation-accepted');

  await signIn(email, 'my first passphrase');
  await page.getByText(`Signed in as ${email}`).waitFor();

  // The same link again says it was used.
  await page.goBack({ waitUntil: 'commit' }).catch(() => {});
  await page.goto(`${env.url}#/outbox`);
  await page.getByRole('searchbox', { name: 'Search emails by recipient' }).fill(email);
  await page.getByRole('table', { name: 'Outbox' }).getByRole('button', { name: email }).click();
  await page.getByRole('article').getByRole('link', { name: 'Accept the invitation' }).click();
  await page.getByRole('alert').filter({ hasText: 'This link was already used' }).waitFor();
  env.watch.assertClean();
});

test('the clock previews what a week will expire, then moves, and its report says what expired', async () => {
  const { page } = env;
  await page.goto(`${env.url}#/`);
  await page.getByRole('button', { name: /Muster’s today/ }).click();
  await page.getByRole('button', { name: '+1 week' }).click();
  const preview = page.getByRole('status').filter({ hasText: /^Moving to / });
  await preview.waitFor();
  assert.match(await preview.textContent(), /invitations? will expire: .+|Nothing expires/);
  await shot(page, 'clock-preview');
  await page.getByRole('button', { name: 'Move the clock', exact: true }).click();
  const done = page.getByRole('status').filter({ hasText: /Today is now/ });
  await done.waitFor();
  await shot(page, 'clock');
  await done.getByRole('link', { name: /See report/ }).click();
  await page.getByRole('heading', { name: /^Clock moved to / }).waitFor();
  await page.getByRole('table', { name: 'Changes' }).getByRole('row').filter({ hasText: 'Expired' }).first().waitFor();
  env.watch.assertClean();
});
