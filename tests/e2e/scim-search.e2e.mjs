// The search box's advanced mode: a SCIM filter expression narrows the directory in the engine,
// lives in the address (a reload keeps it), and an expression that does not parse says where.
// Screenshots at 1440 and 1024 wide, with a result and with an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, openBrowser, openDirectory, shot, startApp, watchPage } from './harness.mjs';

let app;
let browser;
before(async () => {
  app = await startApp();
  browser = await openBrowser({ width: 1440, height: 900 });
});
after(async () => {
  try {
    await browser?.close();
  } finally {
    await app?.close();
  }
});

const EXPRESSION = 'title pr and active eq true';
const scimBox = (page) => page.getByRole('searchbox', { name: 'Filter users with a SCIM expression' });
const modeSwitch = (page) => page.getByRole('button', { name: 'SCIM filter', exact: true });
const total = (page) => page.getByRole('status').filter({ hasText: /users? of 1,000$/ });
const shownCount = async (page) => Number((await total(page).textContent()).replace(/ users? of 1,000$/, '').replace(/,/g, ''));

test('a SCIM filter narrows the directory, lives in the address and survives a reload', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await openDirectory(page, app.url);
  assert.equal(await modeSwitch(page).getAttribute('aria-pressed'), 'false');
  await modeSwitch(page).click();
  assert.equal(await modeSwitch(page).getAttribute('aria-pressed'), 'true');
  const box = scimBox(page);
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'the box has focus after the switch');
  await box.pressSequentially(EXPRESSION);
  // The count changes: fewer than everyone, more than no one.
  await total(page).waitFor();
  await page.waitForFunction(() => location.hash.includes('scim=title+pr+and+active+eq+true'));
  const count = await shownCount(page);
  assert.ok(count > 0 && count < 1000, `the filter narrows (${count} users)`);
  assert.match(page.url(), /scim=title\+pr\+and\+active\+eq\+true/, 'the filter lives in the address');
  await page.getByRole('list', { name: 'Active filters' }).getByText(`SCIM filter: ${EXPRESSION}`).waitFor();
  // Every row shown is active and has a title (the Status column says so for each).
  const statuses = await page.getByRole('table', { name: 'Users' }).getByRole('row').evaluateAll((rows) => rows.slice(1, 8).map((r) => r.textContent ?? ''));
  assert.ok(statuses.length > 0 && statuses.every((t) => /Active/.test(t)), 'the rows shown are active users');
  await assertAccessible(page, 'the Users page searching with a SCIM filter');
  await shot(page, 'scim-search-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, 'scim-search-1024');
  await page.setViewportSize({ width: 1440, height: 900 });

  // A reload keeps the filter, its mode and its count.
  await page.reload();
  await page.getByRole('status').filter({ hasText: new RegExp(`^${count.toLocaleString('en-US')} users? of 1,000$`) }).waitFor({ timeout: 60_000 });
  assert.equal(await scimBox(page).inputValue(), EXPRESSION);
  assert.equal(await modeSwitch(page).getAttribute('aria-pressed'), 'true');
  watch.assertClean();
});

test('an expression that does not parse says where, matches nobody, and axe finds nothing', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  const box = scimBox(page);
  await box.fill('');
  await box.pressSequentially('title pr and');
  await page.keyboard.press('Enter');
  const note = page.getByText('Expected an attribute name, “(” or “not” at the end of the filter.');
  await note.waitFor();
  await total(page).filter({ hasText: /^0 users of 1,000$/ }).waitFor();
  assert.equal(await box.getAttribute('aria-invalid'), 'true');

  // An unknown attribute: its column, and the caret put there.
  await box.fill('active eq true and titel pr');
  await page.keyboard.press('Enter');
  await page.getByText(/^Unknown attribute “titel” at column 20\. SCIM filters here know:/).waitFor();
  assert.equal(await box.evaluate((el) => el.selectionStart), 19, 'the caret sits where the error is');
  await total(page).filter({ hasText: /^0 users of 1,000$/ }).waitFor();
  await assertAccessible(page, 'the Users page with a SCIM filter that does not parse');
  await shot(page, 'scim-search-error-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, 'scim-search-error-1024');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Fixed, it searches again; back in name mode, the SCIM filter is gone with its chip.
  await box.fill('active eq true and title pr');
  await page.getByRole('list', { name: 'Active filters' }).getByText('SCIM filter: active eq true and title pr').waitFor();
  await page.getByText(/Unknown attribute/).waitFor({ state: 'detached' });
  assert.ok((await shownCount(page)) > 0);
  await modeSwitch(page).click();
  await page.getByRole('searchbox', { name: 'Search users by name or email' }).waitFor();
  await page.getByRole('status').filter({ hasText: /^1,000 users$/ }).waitFor();
  assert.doesNotMatch(page.url(), /scim=/);
  watch.assertClean();
});
