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
  // A search keystroke is timed from the moment the page receives the key.
  document.addEventListener('keydown', () => (window.__keyDown = performance.now()), true);
  // When a file was chosen: the upload is timed from here, as a person's pick in the file dialog.
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') window.__fileChosen = performance.now();
  }, true);
  // Timed steps are driven and watched with plain DOM calls: Playwright's locators run their
  // selector engine on the page's main thread (and poll at up to 500 ms), which would be counted
  // as Muster's time and long tasks. __find: the element matching `selector` whose text matches.
  window.__find = (selector, pattern) => {
    const re = new RegExp(pattern);
    for (const el of document.querySelectorAll(selector)) if (re.test(el.textContent.trim())) return el;
    return null;
  };
  // Resolves with the moment `test()` first holds, checked on every DOM change.
  window.__until = (test) =>
    new Promise((resolve) => {
      const check = () => {
        if (!test()) return false;
        observer.disconnect();
        resolve(performance.now());
        return true;
      };
      const observer = new MutationObserver(check);
      if (!check()) observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
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
  // The longest main-thread task overlapping [from, to] (page time).
  const longestIn = (from, to) => page.evaluate(([a, b]) => Math.max(0, ...window.__long.filter((e) => e.start < b && e.start + e.duration > a).map((e) => e.duration)), [from, to]);
  const settledAfter = (t) => page.waitForFunction((t) => window.__settled.find((s) => s > t), t, { timeout: 120_000 }).then((h) => h.jsonValue());
  const sizeLabel = users.toLocaleString('en-US');
  // One timed step: arm a watch for [selector, pattern], act (an in-page click on [selector,
  // pattern], or a function returning its start time), and return the start and elapsed time.
  const step = async (act, until, timeout = 300_000) => {
    if (process.env.BENCH_DEBUG) log(`step ${JSON.stringify(act)} until ${JSON.stringify(until)}`);
    await page.evaluate(([s, p]) => {
      window.__done = window.__until(() => window.__find(s, p));
    }, until);
    const t = typeof act === 'function'
      ? await act()
      : await page.evaluate(([s, p]) => {
          const el = window.__find(s, p);
          if (!el) throw new Error(`nothing matches ${s} ${p}`);
          const t = performance.now();
          el.click();
          return t;
        }, act);
    let timer;
    const late = new Promise((_, no) => (timer = setTimeout(() => no(new Error(`timed out waiting for ${until}`)), timeout)));
    const end = await Promise.race([page.evaluate(() => window.__done), late]).finally(() => clearTimeout(timer));
    return { t, ms: end - t };
  };
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
      await page.getByRole('button', { name: new RegExp(`Reset to ${sizeLabel} demo users`) }).waitFor();
      const { t, ms } = await step(['button', `^Reset to ${sizeLabel} demo users`], ['p, div', `^The workspace now holds ${sizeLabel} demo users\\.`]);
      create.push(ms);
      createLong.push(await longestIn(t, t + ms));
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
      // Until the total shows too (watched without Playwright's selector engine on the page).
      await page.waitForFunction((label) => [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.trim() === label), `${sizeLabel} users`, { timeout: 120_000 });
      openLong.push(await longestIn(0, await now()));
    }
    record('open app → first rows', open, openLong);
    results.heap.pageAfterLoad = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
    results.heap.workerAfterLoad = await workerHeap(browser.context, page);
    // A fresh page (and engine worker) for what follows: no debugger session stays attached.
    await page.goto('about:blank');
    await page.goto(`${app.url}#/`);
    await page.waitForFunction((label) => [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.trim() === label), `${sizeLabel} users`, { timeout: 120_000 });

    // 3. Search keystrokes: each changes the query; latency = key down → table settled.
    const box = page.getByRole('searchbox', { name: 'Search users by name or email' });
    await box.fill('ma');
    await page.waitForTimeout(300);
    const keys = [];
    const t0 = await now();
    for (let k = 0; k < (quick ? 10 : 50); k++) {
      const before = await now();
      await page.keyboard.press(k % 2 ? 'Backspace' : 'r');
      const settled = await settledAfter(before);
      keys.push(settled - (await page.evaluate(() => window.__keyDown)));
    }
    results.scenarios['search keystroke'] = { ...stat(keys), p50: pct(keys, 50), p95: pct(keys, 95) };
    results.longestTask['search keystroke'] = Math.round(await longestIn(t0, await now()));
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
    await page.getByRole('checkbox', { name: 'Regular', exact: true }).waitFor();
    const clickIn = (selector, pattern) => page.evaluate(([s, p]) => {
      const t = performance.now();
      window.__find(s, p).click();
      return t;
    }, [selector, pattern]);
    for (let i = 0; i < runs; i++) {
      let t = await clickIn('label', '^Regular$');
      const done = await settledAfter(t);
      filter.push(done - t);
      fsLong.push(await longestIn(t, done));
      t = await clickIn('label', '^Regular$');
      await settledAfter(t);
    }
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Sort by Email/ }).waitFor();
    for (let i = 0; i < runs; i++) {
      const t = await page.evaluate(() => {
        const t = performance.now();
        document.querySelector('[aria-label^="Sort by Email"]').click();
        return t;
      });
      const done = await settledAfter(t);
      sort.push(done - t);
      fsLong.push(await longestIn(t, done));
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
      await page.getByRole('button', { name: /Select all [\d,]+ users matching/ }).waitFor();
      let r = await step(['button', '^Select all [\\d,]+ users matching'], ['[role=status]', '^[\\d,]+ users selected']);
      phases.select.push(r.ms);
      phases.long.push(await longestIn(r.t, r.t + r.ms));
      r = await step(['button', '^Choose an action'], ['[role=menuitem]', `^${action}`]);
      const menu = r.t;
      r = await step(['[role=menuitem]', `^${action}`], ['[role=dialog] [role=status]', '^Applies to']);
      phases.preview.push(r.t + r.ms - menu);
      phases.long.push(await longestIn(menu, r.t + r.ms));
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /^Apply to/ }).waitFor();
      r = await step(['[role=dialog] button', '^Apply to'], ['[role=dialog] p', '^Done\\.']);
      phases.apply.push(r.ms);
      phases.long.push(await longestIn(r.t, r.t + r.ms));
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
    const [exported] = await Promise.all([page.waitForEvent('download'), page
        .getByRole('button', { name: /Export these users/ })
        .click()
        .then(() => page.getByRole('menuitem', { name: 'Muster CSV' }).click())
    ]);
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
      // Opening the page reloads the app: wait until the engine has loaded the workspace (the
      // header then shows who is acting), so the preview is not timed with the loading.
      await page.waitForFunction(() => document.querySelector('.actor select'), null, { timeout: 120_000 });
      await page.waitForTimeout(200);
      const file = path.join(os.tmpdir(), `muster-bench-${i}.csv`);
      let r = await step(async () => {
        // From a file on disk: Chromium reads it natively. (A buffer would be decoded by
        // Playwright's script on the page's main thread, in the task that fires `change`.)
        fs.writeFileSync(file, csv);
        await page.getByLabel('Choose a file').setInputFiles(file);
        return page.evaluate(() => window.__fileChosen);
      }, ['h2', '^Preview of ']);
      up.preview.push(r.ms);
      up.long.push(await longestIn(r.t, r.t + r.ms));
      up.rows = Number((await page.getByRole('heading', { name: /^Preview of / }).textContent()).match(/[\d,]+/)[0].replace(/,/g, ''));
      await page.getByLabel(/Invite new users/).uncheck();
      await page.getByRole('button', { name: /^Apply [\d,]+ changes?/ }).waitFor();
      r = await step(['button', '^Apply [\\d,]+ changes?'], ['p', '^Done\\.']);
      up.apply.push(r.ms);
      up.long.push(await longestIn(r.t, r.t + r.ms));
      fs.rmSync(file, { force: true });
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
      await page.getByRole('button', { name: 'Revert…' }).waitFor();
      let r = await step(['button', '^Revert…$'], ['[role=dialog] [role=status]', '^Reverts [\\d,]+ users?']);
      rv.preview.push(r.ms);
      rv.long.push(await longestIn(r.t, r.t + r.ms));
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /^Revert [\d,]+ users?/ }).waitFor();
      r = await step(['[role=dialog] button', '^Revert [\\d,]+ users?'], ['[role=dialog] [role=status]', '^Reverted\\.']);
      rv.apply.push(r.ms);
      rv.long.push(await longestIn(r.t, r.t + r.ms));
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
    try {
      await browser.close();
    } finally {
      await app.close();
    }
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

/**
 * The engine worker's used JS heap, in bytes. Workers have no performance.memory, so this asks
 * V8 through the DevTools protocol: attach to the page's worker (messages relayed by the page's
 * session) and call Runtime.getHeapUsage. Null if the worker cannot be reached.
 */
async function workerHeap(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    const replies = new Map();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message);
      replies.get(m.id)?.(m.result);
    });
    const attached = new Promise((resolve) => cdp.on('Target.attachedToTarget', (e) => e.targetInfo.type === 'worker' && resolve(e.sessionId)));
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    const sessionId = await within(5000, attached);
    if (!sessionId) return null;
    const result = await within(5000, new Promise((resolve) => {
      replies.set(1, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    }));
    return result?.usedSize ?? null;
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The promise's value, or null after `ms`. */
function within(ms, promise) {
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(() => resolve(null), ms)))]).finally(() => clearTimeout(timer));
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
    `Heap after load: page ${r.heap.pageAfterLoad ? `${(r.heap.pageAfterLoad / 2 ** 20).toFixed(0)} MiB` : 'n/a'}, worker ${r.heap.workerAfterLoad ? `${(r.heap.workerAfterLoad / 2 ** 20).toFixed(0)} MiB` : 'n/a'}. Bulk apply changed ${r.bulkApplied?.median.toLocaleString('en-US')} users (median). Upload file: ${r.upload?.rows.toLocaleString('en-US')} rows, ${r.upload?.megabytes} MB.`
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
is from navigation start to the first data row in the DOM; a keystroke's latency runs from the
page receiving the key to the table showing the new answer (its \`data-answers\` counter moves).
Every other step is started by a click made in the page and ends when a \`MutationObserver\` sees
its result (the preview heading, "Done.", …): Playwright's locators would poll at up to 500 ms and
run their selector engine on the page's main thread. The upload starts when the file input fires
\`change\`. Long tasks come from a \`PerformanceObserver('longtask')\` and count when they overlap the
step. The page's heap is \`performance.memory\`; the engine worker's is V8's own figure, asked
through the DevTools protocol (\`Runtime.getHeapUsage\`). The floors write and read Muster's own
user chunks with plain IndexedDB in one transaction, in the same browser, right after the
scenarios.

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
