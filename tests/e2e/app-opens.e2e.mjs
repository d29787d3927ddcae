import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openDirectory, shot, startApp, watchPage } from './harness.mjs';

let app;
let browser;
before(async () => {
  app = await startApp({ base: '/muster/' });
  browser = await openBrowser();
});
after(async () => {
  try {
    await browser?.close();
  } finally {
    await app?.close();
  }
});

test('the app opens under a sub-path, seeds the demo users and lists them', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await openDirectory(page, app.url);
  const table = page.getByRole('table', { name: 'Users' });
  await table.getByRole('row').nth(1).waitFor();
  const first = await table.getByRole('row').nth(1).textContent();
  assert.match(first ?? '', /@/, 'the first row shows an email address');
  assert.equal(await table.getAttribute('aria-rowcount'), '1001');
  await shot(page, 'directory-1000');
  // The main thread never opens IndexedDB: only the worker does.
  const pageDatabases = await page.evaluate(() => indexedDB.databases().then((d) => d.length));
  assert.equal(pageDatabases, 1, 'the worker created the one database');
  watch.assertClean();
});

test('a reload keeps the workspace instead of seeding it again', async () => {
  const { page } = browser;
  const watch = watchPage(page);
  await page.reload();
  await openDirectory(page, app.url);
  const name = await page.getByRole('table', { name: 'Users' }).getByRole('row').nth(1).textContent();
  assert.ok(name && name.length > 0);
  watch.assertClean();
});

test('the same build runs under another path', async () => {
  const other = await startApp({ base: '/tools/muster/' });
  const second = await openBrowser();
  try {
    const watch = watchPage(second.page);
    await openDirectory(second.page, other.url);
    watch.assertClean();
  } finally {
    try {
      await second.close();
    } finally {
      await other.close();
    }
  }
});
