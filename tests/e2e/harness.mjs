// End-to-end helpers: the built site served under a sub-path, driven in Debian's Chromium through
// playwright-core (STACK.md). Each test gets a fresh browser profile, so IndexedDB starts empty.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(root, 'test-results', 'e2e');

export async function startApp({ base = '/muster/' } = {}) {
  return startServer({ dir: path.join(root, 'build'), port: 0, base });
}

/** `locale`: the browser's language (page and workers), e.g. 'de-DE'; Chromium's own default otherwise. */
export async function openBrowser({ width = 1400, height = 900, locale } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'muster-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    ...(locale ? { locale } : {}),
    args: [
      ...(locale ? [`--lang=${locale}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
  // Every page of the context is watched: a console error or page error anywhere fails the test
  // file when its browser closes, unless the test said it expects it (`expectProblem`).
  const problems = [];
  const expected = [];
  const watchAll = (p) => collectProblems(p, problems);
  context.pages().forEach(watchAll);
  context.on('page', watchAll);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  return {
    context,
    page,
    /** A problem this test causes on purpose (a killed worker, a refused quota). */
    expectProblem(re) {
      expected.push(re);
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
      const unexpected = problems.filter((p) => !expected.some((re) => re.test(p)));
      assert.deepEqual(unexpected, [], `the browser reported errors:\n${unexpected.join('\n')}`);
    }
  };
}

function collectProblems(page, problems) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (m.type() === 'error') problems.push(`worker console error: ${m.text()}`);
    })
  );
}

/** Collects console errors and page errors; `assertClean()` fails the test if any appeared. */
export function watchPage(page) {
  const problems = [];
  collectProblems(page, problems);
  return {
    problems,
    assertClean() {
      assert.deepEqual(problems, [], `the page reported errors:\n${problems.join('\n')}`);
    }
  };
}

export async function shot(page, name) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Opens the app and waits until the directory shows its total. */
export async function openDirectory(page, url, total = /1,000 users/) {
  await page.goto(url);
  await page.getByRole('status').filter({ hasText: total }).first().waitFor({ timeout: 60_000 });
}

/**
 * The usual setup of a test file: the built app served under /muster/, one browser whose page has
 * opened the directory (so the demo workspace exists), and a watch on its console. Returns an
 * object filled in before the first test: { url, page, context, watch }.
 */
export function useApp() {
  const env = {};
  let app;
  let browser;
  before(async () => {
    app = await startApp();
    browser = await openBrowser();
    Object.assign(env, { url: app.url, page: browser.page, context: browser.context, watch: watchPage(browser.page), browser });
    await openDirectory(browser.page, app.url);
  });
  after(async () => {
    try {
      await browser?.close();
    } finally {
      await app?.close();
    }
  });
  return env;
}

/** Row i (1 = first user) of the virtual Users table, by its ARIA row index. */
export function userRow(page, i) {
  return page.getByRole('table', { name: 'Users' }).locator(`[role=row][aria-rowindex="${i + 1}"]`);
}

/** Opens the action menu and picks an action; returns its dialog. */
export async function chooseAction(page, label) {
  await page.getByRole('button', { name: /Choose an action/ }).click();
  await page.getByRole('listbox', { name: 'Actions' }).getByRole('option', { name: new RegExp(`^${label}`) }).click();
  return page.getByRole('dialog');
}

const axeSource = fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * The accessibility gate: axe-core over the page as it is now (a screen or a dialog step). Fails
 * with every violation, its rule, its impact and where.
 */
export async function assertAccessible(page, where) {
  // A fresh axe each time: a second run in the same page can reuse a stale tree of the first.
  await page.evaluate(() => delete window.axe);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join(' | ')}`);
  });
  assert.deepEqual(violations, [], `axe found problems on ${where}:\n${violations.join('\n')}`);
}

/** Types a day (YYYY-MM-DD) into the date picker labelled `label`, segment by segment, in the locale's order. */
export async function fillDate(scope, label, day) {
  const [year, month, date] = day.split('-');
  const parts = { year, month, day: date };
  const group = scope.getByRole('group', { name: label, exact: true });
  const segments = group.locator('[data-segment]');
  for (let i = 0; i < (await segments.count()); i++) {
    const seg = segments.nth(i);
    const part = await seg.getAttribute('data-segment');
    if (!(part in parts)) continue;
    await seg.click();
    await seg.pressSequentially(parts[part]);
  }
}
