// Faults a person meets in the running app: a stale progress message, a dead engine, a full disk.
// Each must end in Muster's own words, with nothing changed and a way forward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseAction, openDirectory, shot, useApp, userRow } from './harness.mjs';

const env = useApp();

const RAW = /QuotaExceededError|DatabaseClosedError|AbortError|DOMException|TypeError/;

test('an upload previewed 50 times offers Apply every time (late progress cannot outlive its job)', async () => {
  const { page, url } = env;
  const rows = ['email,first name,last name,title'];
  for (let i = 0; i < 3000; i++) rows.push(`late.${i}@example.com,Late,Person ${i},Tester`);
  const buffer = Buffer.from(rows.join('\r\n'));
  await page.goto(`${url}#/upload`);
  const apply = page.getByRole('button', { name: /^Apply 3,000 changes/ });
  for (let k = 0; k < 50; k++) {
    await page.getByLabel('Choose a file').setInputFiles({ name: `late-${k}.csv`, mimeType: 'text/csv', buffer });
    await apply.waitFor();
    // A progress message that arrives after the answer would replace Apply with a progress block.
    await page.waitForTimeout(30);
    assert.equal(await apply.isVisible(), true, `Apply is missing after preview ${k + 1}`);
    assert.equal(await page.getByRole('button', { name: 'Cancel' }).count(), 0, `a stale progress block after preview ${k + 1}`);
  }
});

test('an engine that dies mid-apply: the page says so, nothing was changed, and it offers to reload', async () => {
  const { page, url } = env;
  env.browser.expectProblem(/engine|worker|Failed to fetch|net::/i);
  await openDirectory(page, `${url}#/?status=active`, /users of 1,000/);
  const total = await page.getByRole('status').filter({ hasText: /users of/ }).first().textContent();
  await userRow(page, 1).getByRole('checkbox').check();
  await userRow(page, 2).getByRole('checkbox').check();
  const dialog = await chooseAction(page, 'Deactivate');
  const apply = dialog.getByRole('button', { name: /^Apply to 2 users/ });
  await apply.waitFor();
  // The worker closes itself as the write's transaction starts writing: the browser ends it mid-apply.
  const [worker] = page.workers().filter((w) => w.url().includes('engine'));
  assert.ok(worker, 'the engine worker is running');
  await worker.evaluate(() => {
    const store = IDBTransaction.prototype.objectStore;
    IDBTransaction.prototype.objectStore = function (name) {
      if (this.mode === 'readwrite') self.close();
      return store.call(this, name);
    };
  });
  await apply.click();
  await dialog.getByText(/engine stopped|engine hit an unexpected error/).waitFor();
  const banner = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Reload Muster' }) });
  await banner.waitFor();
  assert.match(await banner.textContent(), /nothing was half-applied/i);
  assert.doesNotMatch(await page.locator('body').textContent(), RAW);
  await shot(page, 'engine-stopped');
  // The dialog is no longer stuck: Escape closes it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await banner.getByRole('button', { name: 'Reload Muster' }).click();
  await openDirectory(page, `${url}#/?status=active`, /users of 1,000/);
  assert.equal(await page.getByRole('status').filter({ hasText: /users of/ }).first().textContent(), total, 'nobody was deactivated');
});

test('a full disk at commit time shows Muster’s advice, not the browser’s error, and changes nothing', async () => {
  const { page, url } = env;
  await openDirectory(page, `${url}#/?status=active`, /users of 1,000/);
  const total = await page.getByRole('status').filter({ hasText: /users of/ }).first().textContent();
  // Chromium refuses a full disk when the transaction commits: the transaction aborts with a
  // QuotaExceededError and Dexie reports an AbortError wrapping it. (This Chromium ignores the
  // DevTools quota override, so the engine's transaction is aborted the same way from inside.)
  const [worker] = page.workers().filter((w) => w.url().includes('engine'));
  await worker.evaluate(() => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (...args) {
      const req = add.apply(this, args);
      const tx = this.transaction;
      if (this.name === 'changeChunks') {
        // Every write succeeds; then, as the last one lands, the "commit" is refused.
        tx.__pending = (tx.__pending ?? 0) + 1;
        req.addEventListener('success', () => {
          if (--tx.__pending > 0) return;
          const quota = new DOMException('An attempt was made to add something to storage that exceeded the quota.', 'QuotaExceededError');
          Object.defineProperty(tx, 'error', { get: () => quota });
          tx.abort();
        });
      }
      return req;
    };
  });
  await page.getByRole('checkbox', { name: /^Select the \d+ users in view/ }).check();
  await page.getByRole('button', { name: /^Select all [\d,]+ users matching/ }).click();
  const dialog = await chooseAction(page, 'Deactivate');
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  const message = dialog.getByText(/storage quota for this site is full/);
  await message.waitFor();
  assert.doesNotMatch(await dialog.textContent(), RAW);
  await shot(page, 'quota-refused');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await openDirectory(page, `${url}#/?status=active`, /users of 1,000/);
  assert.equal(await page.getByRole('status').filter({ hasText: /users of/ }).first().textContent(), total, 'nobody was deactivated');
});
