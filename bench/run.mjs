#!/usr/bin/env node
// Muster's benchmark: the built site in headless Chromium, driven through the real UI and engine,
// with the raw IndexedDB floors measured in the same run so ratios hold on a noisy machine.
//   node bench/run.mjs [--users 100000] [--runs 5] [--quick] [--no-write]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBrowser, startApp } from '../tests/e2e/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// In every document: long tasks and the moment the first data row appears.
function instrument() {
  window.__long = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  const poll = () => {
    if (document.querySelector('[role=table] [role=row][aria-rowindex="2"] input')) window.__firstRow = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // When a file was chosen: the upload is timed from here, not from the harness handing the
  // bytes to the page (Playwright decodes them on the main thread, which is not Muster's work).
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') window.__fileChosen = performance.now();
  }, true);
  // Each time the users table shows a new answer (its data-answers counter moves).
  window.__settled = [];
  document.addEventListener('DOMContentLoaded', () =>
    new MutationObserver((records) => {
      for (const r of records)
        if (r.attributeName === 'data-answers') window.__settled.push(performance.now());
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-answers'] })
  );
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });

export async function runBench({ users = 100000, runs = 5, quick = false, write = true, log = console.log } = {}) {
  if (quick) runs = 1;
  const app = await startApp({ base: '/muster/' });
  const browser = await openBrowser();
  const { page } = browser;
  await page.addInitScript(instrument);
  const results = { users, runs, scenarios: {}, longestTask: {}, floors: {}, heap: {} };
  const now = () => page.evaluate(() => performance.now());
  const longestSince = (t) => page.evaluate((t) => Math.max(0, ...window.__long.filter((e) => e.start >= t).map((e) => e.duration)), t);
  const settledAfter = (t) => page.waitForFunction((t) => window.__settled.find((s) => s > t), t, { timeout: 120_000 }).then((h) => h.jsonValue());
  const sizeLabel = users.toLocaleString('en-US');
  const record = (name, values, longest) => {
    results.scenarios[name] = stat(values);
    results.longestTask[name] = Math.round(Math.max(...longest));
  };

  try {
    await page.goto(app.url);
    await page.getByRole('status').filter({ hasText: /1,000 users/ }).first().waitFor({ timeout: 60_000 });

    // 1. Creating the demo workspace, through Settings.
    const create = [];
    const createLong = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${app.url}#/settings`);
      await page.getByLabel(`${sizeLabel} users`).check();
      await page.getByRole('button', { name: /Reset to demo data/ }).click();
      const t = await now();
      await page.getByRole('button', { name: new RegExp(`Reset to ${sizeLabel} demo users`) }).click();
      await page.getByText(`The workspace now holds ${sizeLabel} demo users.`).waitFor({ timeout: 300_000 });
      create.push((await now()) - t);
      createLong.push(await longestSince(t));
    }
    record('create demo workspace', create, createLong);

    // 2. Opening the app with the users stored → first rows visible.
    const open = [];
    const openLong = [];
    for (let i = 0; i < runs; i++) {
      await page.goto('about:blank');
      await page.goto(`${app.url}#/`);
      await page.waitForFunction(() => window.__firstRow, null, { timeout: 120_000 });
      open.push(await page.evaluate(() => window.__firstRow));
      await page.getByRole('status').filter({ hasText: new RegExp(`^${sizeLabel} users$`) }).waitFor();
      openLong.push(await longestSince(0));
    }
    record('open app → first rows', open, openLong);
    results.heap.pageAfterLoad = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
    results.heap.workerAfterLoad = null;
    for (const w of page.workers()) results.heap.workerAfterLoad = await w.evaluate(() => performance.memory?.usedJSHeapSize ?? null).catch(() => null);

    // 3. Search keystrokes: each changes the query; latency = key down → table settled.
    const box = page.getByRole('searchbox', { name: 'Search users by name or email' });
    await box.fill('ma');
    await page.waitForTimeout(300);
    const keys = [];
    const t0 = await now();
    for (let k = 0; k < (quick ? 10 : 50); k++) {
      const before = await now();
      await page.keyboard.press(k % 2 ? 'Backspace' : 'r');
      keys.push((await settledAfter(before)) - before);
    }
    results.scenarios['search keystroke'] = { ...stat(keys), p50: pct(keys, 50), p95: pct(keys, 95) };
    results.longestTask['search keystroke'] = Math.round(await longestSince(t0));
    const cleared = await now();
    await box.fill('');
    await settledAfter(cleared);

    // 4. A filter change and a sort, as a person clicks them.
    const filter = [];
    const sort = [];
    const fsLong = [];
    // Assigning location.hash reloads a hash-routed SvelteKit app, so filters are changed the
    // way a person does: ticking a box in the filter panel.
    await page.getByRole('button', { name: /^Filters/ }).click();
    const regular = page.getByRole('checkbox', { name: 'Regular', exact: true });
    for (let i = 0; i < runs; i++) {
      let t = await now();
      await regular.check();
      filter.push((await settledAfter(t)) - t);
      fsLong.push(await longestSince(t));
      t = await now();
      await regular.uncheck();
      await settledAfter(t);
    }
    await page.keyboard.press('Escape');
    for (let i = 0; i < runs; i++) {
      const t = await now();
      await page.getByRole('button', { name: /Sort by Email/ }).click();
      sort.push((await settledAfter(t)) - t);
      fsLong.push(await longestSince(t));
    }
    record('filter change', filter, fsLong);
    record('sort', sort, fsLong);

    // 5. Select all matching (about 60%) → preview → apply. Alternates Deactivate and Activate so
    // every run really changes the data.
    const phases = { select: [], preview: [], apply: [], long: [], applied: [] };
    for (let i = 0; i < runs; i++) {
      const [status, action] = i % 2 ? ['inactive', 'Activate'] : ['active', 'Deactivate'];
      const t0 = await now();
      await page.goto(`${app.url}#/?status=${status}`);
      await page.waitForFunction((t) => window.__firstRow > 0 || window.__settled.find((s) => s > t), t0);
      await page.getByRole('status').filter({ hasText: /users of/ }).waitFor();
      let t = await now();
      await page.getByRole('button', { name: /Select all [\d,]+ users matching/ }).click();
      await page.getByText(/[\d,]+ users selected/).waitFor();
      phases.select.push((await now()) - t);
      phases.long.push(await longestSince(t));
      t = await now();
      await page.getByRole('button', { name: /Choose an action/ }).click();
      await page.getByRole('menuitem', { name: new RegExp(`^${action}`) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(/Applies to/).waitFor({ timeout: 120_000 });
      phases.preview.push((await now()) - t);
      phases.long.push(await longestSince(t));
      t = await now();
      await dialog.getByRole('button', { name: /^Apply to/ }).click();
      await dialog.getByText('Done.').waitFor({ timeout: 300_000 });
      phases.apply.push((await now()) - t);
      phases.long.push(await longestSince(t));
      phases.applied.push(Number((await dialog.getByText('Done.').locator('..').textContent()).match(/([\d,]+) users? updated/)[1].replace(/,/g, '')));
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    record('select all matching', phases.select, phases.long);
    record('menu + preview', phases.preview, phases.long);
    record('bulk apply', phases.apply, phases.long);
    results.bulkApplied = stat(phases.applied);


    // 6. A CSV upload as big as the directory: ~10 % new, ~30 % changed in 1–3 fields, some
    // invalid rows and duplicate emails. Every run changes different values.
    await page.goto(`${app.url}#/`);
    await page.waitForLoadState('load');
    await page.getByRole('status').filter({ hasText: new RegExp(`^${sizeLabel} users$`) }).waitFor({ timeout: 120_000 });
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export these users/ }).click()]);
    const emails = fs.readFileSync(await exported.path(), 'utf8').split('\r\n').slice(1).map((l) => l.split(',')[0]).filter((e) => e.includes('@'));
    const up = { preview: [], apply: [], long: [], rows: 0, bytes: 0 };
    let lastCsv = '';
    for (let i = 0; i < runs; i++) {
      const csv = uploadFile(emails, i);
      lastCsv = csv;
      up.bytes = Buffer.byteLength(csv);
      await page.goto(`${app.url}#/upload`);
      await page.waitForLoadState('load');
      await page.getByRole('heading', { name: 'Upload users from CSV' }).waitFor();
      await page.waitForTimeout(200);
      await page.getByLabel('Choose a CSV file').setInputFiles({ name: `bench-${i}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      let t = await page.evaluate(() => window.__fileChosen);
      await page.getByRole('heading', { name: /^Preview of / }).waitFor({ timeout: 300_000 });
      up.preview.push((await now()) - t);
      up.long.push(await longestSince(t));
      up.rows = Number((await page.getByRole('heading', { name: /^Preview of / }).textContent()).match(/[\d,]+/)[0].replace(/,/g, ''));
      await page.getByLabel(/Invite new users/).uncheck();
      t = await now();
      await page.getByRole('button', { name: /^Apply [\d,]+ changes?/ }).click();
      await page.getByText('Done.').waitFor({ timeout: 300_000 });
      up.apply.push((await now()) - t);
      up.long.push(await longestSince(t));
    }
    record('upload: read → preview shown', up.preview, up.long);
    record('upload: apply', up.apply, up.long);
    results.upload = { rows: up.rows, megabytes: +(up.bytes / 2 ** 20).toFixed(1) };

    // 7. Revert that upload (then the revert of the revert, which applies it again, and so on):
    // the preview of the revert, then the atomic revert itself.
    const rv = { preview: [], apply: [], long: [] };
    for (let i = 0; i < Math.min(runs, 3); i++) {
      await page.goto(`${app.url}#/reports`);
      await page.getByRole('table', { name: 'Operations' }).getByRole('link').first().click();
      let t = await now();
      await page.getByRole('button', { name: 'Revert…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(/^Reverts [\d,]+ users?/).waitFor({ timeout: 120_000 });
      rv.preview.push((await now()) - t);
      rv.long.push(await longestSince(t));
      t = await now();
      await dialog.getByRole('button', { name: /^Revert [\d,]+ users?/ }).click();
      await dialog.getByText('Reverted.').waitFor({ timeout: 300_000 });
      rv.apply.push((await now()) - t);
      rv.long.push(await longestSince(t));
      await dialog.getByRole('button', { name: 'Open the revert report' }).click();
      await page.getByRole('heading', { name: /^Revert of #/ }).waitFor();
    }
    record('revert upload: preview', rv.preview, rv.long);
    record('revert upload: apply', rv.apply, rv.long);

    // 8. The floors, in the same page and run.
    const floorFn = fs.readFileSync(path.join(here, 'floors.js'), 'utf8');
    const floors = await page.evaluate(`(${floorFn.trim().replace(/;$/, '')})(${runs})`);
    const parse = await page.evaluate(
      async ({ lib, csv, runs }) => {
        const src = `${lib}\nonmessage = (e) => { const t = performance.now(); const r = Papa.parse(e.data, { header: false, delimiter: ',', newline: '\\r\\n' }); postMessage({ ms: performance.now() - t, rows: r.data.length }); };`;
        const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
        const times = [];
        for (let i = 0; i < runs; i++)
          times.push(await new Promise((res) => ((worker.onmessage = (e) => res(e.data.ms)), worker.postMessage(csv))));
        worker.terminate();
        return times;
      },
      { lib: fs.readFileSync(path.join(here, '..', 'node_modules', 'papaparse', 'papaparse.min.js'), 'utf8'), csv: lastCsv, runs }
    );
    results.floors = { write: stat(floors.write), read: stat(floors.read), rmw: stat(floors.rmw), parse: stat(parse), chunks: floors.chunks };
    results.ratios = {
      'first rows / read floor': results.scenarios['open app → first rows'].median / results.floors.read.median,
      'bulk apply / read-modify-write floor': results.scenarios['bulk apply'].median / results.floors.rmw.median,
      'upload preview / parse floor': results.scenarios['upload: read → preview shown'].median / results.floors.parse.median,
      'upload apply / write floor': results.scenarios['upload: apply'].median / results.floors.write.median,
      'revert upload / read-modify-write floor': results.scenarios['revert upload: apply'].median / results.floors.rmw.median
    };
  } finally {
    await browser.close();
    await app.close();
  }

  results.machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium (Debian)`;
  results.date = new Date().toISOString();
  log(table(results));
  if (write) {
    fs.writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(here, 'README.md'), readme(results));
  }
  return results;
}

/** A CSV as big as the directory, different for every run. */
function uploadFile(emails, run) {
  const zones = ['Europe/Paris', 'Asia/Tokyo', 'America/Chicago'];
  const lines = ['email,first_name,last_name,title,department,time_zone'];
  emails.forEach((email, i) => {
    const k = i % 10;
    if (k < 3) lines.push(`${email},,,Bench ${run}-${i},${k === 0 ? `Dept ${run}` : ''},${k === 1 ? zones[(run + i) % 3] : ''}`);
    else lines.push(`${email},,,,,`);
    if (i % 9 === 0) lines.push(`new${run}-${i}@bench.example.com,New,User ${i},,,Europe/London`);
    if (i % 200 === 0) lines.push(`not-an-email-${i},X,Y,,,`);
    if (i % 500 === 1) lines.push(`${email.toUpperCase()},,,,,`);
  });
  return lines.join('\r\n') + '\r\n';
}

const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

function table(r) {
  const rows = Object.entries(r.scenarios).map(([name, s]) => {
    const extra = s.p95 !== undefined ? ` (p50 ${ms(s.p50)}, p95 ${ms(s.p95)})` : '';
    return `| ${name} | ${ms(s.median)}${extra} | ${ms(s.min)} – ${ms(s.max)} | ${r.longestTask[name]} ms |`;
  });
  const floors = Object.entries({ 'papaparse alone, same file, in a worker': r.floors.parse, 'raw write (chunks of 500, one transaction)': r.floors.write, 'raw read (one getAll)': r.floors.read, 'raw read-modify-write of every chunk': r.floors.rmw }).map(
    ([name, s]) => `| ${name} | ${ms(s.median)} | ${ms(s.min)} – ${ms(s.max)} |`
  );
  const ratios = Object.entries(r.ratios ?? {}).map(([k, v]) => `| ${k} | ${v.toFixed(2)} × |`);
  return [
    `Muster benchmark — ${r.users.toLocaleString('en-US')} users, ${r.runs} run(s) each`,
    '',
    '| scenario | median | min – max | longest main-thread task |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '| floor (same records, same run) | median | min – max |',
    '| --- | --- | --- |',
    ...floors,
    '',
    '| ratio | value |',
    '| --- | --- |',
    ...ratios,
    '',
    `Heap after load: page ${r.heap.pageAfterLoad ? `${(r.heap.pageAfterLoad / 2 ** 20).toFixed(0)} MiB` : 'n/a'}, worker ${r.heap.workerAfterLoad ? `${(r.heap.workerAfterLoad / 2 ** 20).toFixed(0)} MiB` : 'n/a (not exposed to workers)'}. Bulk apply changed ${r.bulkApplied?.median.toLocaleString('en-US')} users (median). Upload file: ${r.upload?.rows.toLocaleString('en-US')} rows, ${r.upload?.megabytes} MB.`
  ].join('\n');
}

function readme(r) {
  return `# Benchmark

\`npm run bench\` builds the site, serves it, and drives headless Chromium through the real UI and
engine. Options: \`-- --users 10000\` (1,000, 10,000 or 100,000), \`-- --runs 5\`, \`-- --quick\` (one
run, ten keystrokes). A 1,000-user quick run is part of \`npm test\` so the harness never rots.

Last run: ${r.date} on ${r.machine}.

${table(r)}

How each figure is taken: times are \`performance.now()\` differences inside the page; "first rows"
is from navigation start to the first data row in the DOM; a keystroke's latency runs from the key
press to the table showing the new answer (its \`data-answers\` counter moves); long tasks come from a
\`PerformanceObserver('longtask')\`. The floors write and read Muster's own user chunks with plain
IndexedDB in one transaction, in the same browser, right after the scenarios.

The upload file is built from the directory's own export: about 10 % new users, 30 % changed in
one to three fields, 0.5 % invalid emails and 0.2 % duplicate emails; each run changes other
values. Reverting the upload is measured right after it (preview, then the atomic revert).
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (n, d) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
  await runBench({ users: Number(opt('users', 100000)), runs: Number(opt('runs', 5)), quick: args.includes('--quick'), write: !args.includes('--no-write') });
}
