// At 1024 pixels nothing disappears silently: the header fits on one line, the Users table's
// column chooser says what the width hid and brings it back (kept for the workspace), and the
// outbox's open email sits beside the list, never over it. Screenshots at 1024 and 1440 wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, chooseAction, openBrowser, openDirectory, shot, startApp, userRow, watchPage } from './harness.mjs';

let app;
let browser;
before(async () => {
  app = await startApp();
  browser = await openBrowser({ width: 1024, height: 768 });
});
after(async () => {
  try {
    await browser?.close();
  } finally {
    await app?.close();
  }
});

const box = async (locator) => {
  const b = await locator.boundingBox();
  assert.ok(b, 'the element is laid out');
  return b;
};
const noSidewaysScroll = async (page, width) =>
  assert.ok(
    (await page.evaluate(() => document.documentElement.scrollWidth)) <= width,
    `nothing sticks out sideways at ${width} px`
  );

test('at 1024×768 the header fits on one line and nothing overflows sideways', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await openDirectory(page, app.url);
  await noSidewaysScroll(page, 1024);
  const header = page.getByRole('banner');
  const bar = await box(header);
  assert.ok(bar.height <= 64, `the header is one line high (${bar.height} px)`);
  // Every part of it sits on that one line, inside the window.
  for (const part of [
    page.getByRole('navigation', { name: 'Main' }),
    page.getByRole('button', { name: /Muster’s today/ }),
    page.getByLabel('Acting as'),
    page.getByLabel('Plan')
  ]) {
    const b = await box(part);
    assert.ok(b.y >= bar.y && b.y + b.height <= bar.y + bar.height, 'inside the header’s one line');
    assert.ok(b.x >= 0 && b.x + b.width <= 1024, 'inside the window');
  }
  // The labels are still there to read, above their menus.
  await header.getByText('Acting as').waitFor();
  await header.getByText('Plan', { exact: true }).waitFor();
  await assertAccessible(page, 'the Users page at 1024 px');
  await shot(page, 'narrow-users-1024');
  watch.assertClean();
});

test('the column chooser says what the width hid, brings Last sign-in back, and keeps it after a reload', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  const table = page.getByRole('table', { name: 'Users' });
  const lastSignIn = table.getByRole('columnheader', { name: /Last sign-in/ });
  // Nothing disappears silently: the button says two columns are hidden to fit.
  const chooser = page.getByRole('button', { name: 'Columns (2 hidden)' });
  await chooser.waitFor();
  assert.equal(await lastSignIn.count(), 0);
  await chooser.click();
  const panel = page.getByRole('dialog', { name: 'Columns' });
  await panel.getByText(/hidden to fit this window/).waitFor();
  await assertAccessible(page, 'the column chooser');
  await shot(page, 'narrow-columns-1024');
  await panel.getByRole('checkbox', { name: 'Last sign-in' }).check();
  await lastSignIn.waitFor();
  await page.getByRole('button', { name: 'Columns (1 hidden)' }).waitFor();
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });

  // Every row has the column, and the table still fits the window.
  assert.match((await userRow(page, 1).getByRole('cell').last().textContent()) ?? '', /\d{4}|—/);
  const t = await box(table);
  assert.ok(t.x + t.width <= 1024, 'the table fits the window');
  assert.ok((await box(lastSignIn)).x + (await box(lastSignIn)).width <= t.x + t.width, 'Last sign-in is inside the table');
  await noSidewaysScroll(page, 1024);
  await shot(page, 'narrow-users-all-columns-1024');

  // Arrows still move between rows.
  await userRow(page, 1).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await userRow(page, 2).evaluate((el) => el === document.activeElement), true, 'ArrowDown moved to the second row');

  // The choice is the workspace's: after a reload Last sign-in is still there.
  await page.reload();
  await openDirectory(page, app.url);
  await lastSignIn.waitFor();
  await page.getByRole('button', { name: 'Columns (1 hidden)' }).waitFor();
  watch.assertClean();
});

test('the outbox shows an open email beside the list, never over it', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  // A few emails to show: invite some profile-only users.
  await openDirectory(page, `${app.url}#/?status=profile_only&type=regular`, /users of 1,000/);
  await userRow(page, 1).getByRole('checkbox').check();
  await userRow(page, 3).getByRole('checkbox').check({ modifiers: ['Shift'] });
  const dialog = await chooseAction(page, 'Invite to activate account');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await dialog.getByText('Done.').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.goto(`${app.url}#/outbox`);
  const list = page.getByRole('table', { name: 'Outbox' });
  await list.getByRole('button').first().click();
  const email = page.getByRole('article', { name: /^Email to / });
  await email.getByRole('link', { name: 'Accept the invitation' }).waitFor();
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: width === 1024 ? 768 : 900 });
    const l = await box(list);
    const e = await box(email);
    assert.ok(l.x + l.width <= e.x, `the email sits beside the list at ${width} px, not over it`);
    assert.ok(e.x + e.width <= width, `the email is inside the window at ${width} px`);
    await noSidewaysScroll(page, width);
    await shot(page, `narrow-outbox-${width}`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await assertAccessible(page, 'the outbox at 1024 px with an email open');

  // The Users page at 1440: room for every column (only what was chosen is kept, so Type, hidden
  // at 1024 to fit, shows again).
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDirectory(page, app.url);
  await page.getByRole('button', { name: 'Columns', exact: true }).waitFor();
  await page.getByRole('table', { name: 'Users' }).getByRole('columnheader', { name: /Type/ }).waitFor();
  await shot(page, 'narrow-users-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  watch.assertClean();
});
