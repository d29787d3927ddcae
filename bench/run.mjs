#!/usr/bin/env node
// Muster's benchmark: the built site in headless Chromium, driven through the real UI and engine
// the way a person works (typing at a person's pace, ticking filters, scrolling, menus), with the
// raw IndexedDB floors measured in the same run so ratios hold on a noisy machine.
//   node bench/run.mjs [--users 100000] [--runs 5] [--quick] [--no-write]
//   node bench/run.mjs --readme   (rewrites README.md from the stored results, runs nothing)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBrowser, startApp } from '../tests/e2e/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// In every document: long tasks (and long animation frames, for where their time went), the moment
// the first data row appears, keys, search input, downloads, and the helpers the timed steps use.
function instrument() {
  // Tells a client-side navigation from a reload (which would restart performance.now()).
  window.__doc = Math.random();
  window.__long = [];
  const longTasks = (entries) => {
    for (const e of entries) window.__long.push({ start: e.startTime, duration: e.duration });
  };
  const longObserver = new PerformanceObserver((l) => longTasks(l.getEntries()));
  longObserver.observe({ type: 'longtask' });
  // Long animation frames (over 50 ms) with the scripts that ran in them: the attribution of a
  // long task to an entry point (an event listener, a worker message, a promise) and a function.
  window.__loaf = [];
  let frameObserver = null;
  const longFrames = (entries) => {
    for (const e of entries)
      window.__loaf.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
        scripts: e.scripts.map((s) => ({
          invoker: s.invoker,
          type: s.invokerType,
          src: (s.sourceURL || '').split('/').pop(),
          fn: s.sourceFunctionName,
          pos: s.sourceCharPosition,
          duration: s.duration,
          forced: s.forcedStyleAndLayoutDuration
        }))
      });
  };
  try {
    frameObserver = new PerformanceObserver((l) => longFrames(l.getEntries()));
    frameObserver.observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // An older browser: long tasks are still counted, without attribution.
  }
  // Observers deliver their entries in a later task: take the pending ones before reading.
  window.__flushPerf = () => {
    longTasks(longObserver.takeRecords());
    if (frameObserver) longFrames(frameObserver.takeRecords());
  };
  const poll = () => {
    if (document.querySelector('[role=table] [role=row][aria-rowindex="2"] input')) window.__firstRow = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // Keys are timed from the event's own time stamp (when the browser took the key, so time the
  // key waited behind a busy main thread counts) and also noted when the page handled them.
  window.__keys = [];
  document.addEventListener('keydown', (e) => {
    window.__keyDown = performance.now();
    window.__keys.push({ at: window.__keyDown, ts: e.timeStamp, key: e.key });
  }, true);
  window.__inputs = [];
  document.addEventListener('input', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'search') window.__inputs.push({ at: performance.now(), ts: e.timeStamp, value: e.target.value });
  }, true);
  // When a file was chosen: the upload is timed from here, as a person's pick in the file dialog.
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') window.__fileChosen = performance.now();
  }, true);
  // The moment the page hands a file to the browser's download (a click on an <a download>).
  window.__downloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (...args) {
    if (this.download) window.__downloads.push(performance.now());
    return click.apply(this, args);
  };
  // Timed steps are driven and watched with plain DOM calls: Playwright's locators run their
  // selector engine on the page's main thread (and poll at up to 500 ms), which would be counted
  // as Muster's time and long tasks. __find: the element matching `selector` whose text matches.
  window.__find = (selector, pattern) => {
    const re = new RegExp(pattern);
    for (const el of document.querySelectorAll(selector)) if (re.test(el.textContent.trim())) return el;
    return null;
  };
  // Resolves with the moment `test()` first holds, checked on every DOM change.
  const watching = new Set();
  window.__until = (test) =>
    new Promise((resolve) => {
      const check = () => {
        if (!test()) return false;
        observer.disconnect();
        watching.delete(observer);
        resolve(performance.now());
        return true;
      };
      const observer = new MutationObserver(check);
      if (!check()) {
        watching.add(observer);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }
    });
  window.__stopWatching = () => {
    for (const o of watching) o.disconnect();
    watching.clear();
  };
  // The end of a step that no single element marks.
  const table = () => document.querySelector('[role=table][aria-label="Users"]');
  window.__preds = {
    // The action menu shows its actions and no count is still being worked out.
    menuCounted: () => {
      const list = document.querySelector('[role=listbox][aria-label="Actions"]');
      if (!list || !list.querySelector('[role=option]')) return false;
      const menu = list.closest('[data-popover-content]') ?? list;
      return !/counting/i.test(menu.textContent);
    },
    // A user's page: their name as the heading, and their history (or that there is none).
    userPage: (name) => {
      const h = document.querySelector('main h1, h1');
      return Boolean(h && h.textContent.trim() === name && window.__find('[role=status]', '(operations? changed this user|No changes yet)$'));
    },
    // An action's preview: who it applies to and the list of field changes.
    changesListed: () => Boolean(document.querySelector('[role=dialog] [aria-label="What changes"] li') && window.__find('[role=dialog] [role=status]', '^Applies to')),
    // The table's first data row (after a navigation back to the directory).
    firstRow: () => Boolean(table()?.querySelector('[role=row][aria-rowindex="2"] a'))
  };
  // Whether a job shows how far it is: a progress bar, or a button or status ending in "… 40%".
  window.__watchProgress = () => {
    window.__progressAt = null;
    window.__until(() => document.querySelector('progress') || window.__find('button, [role=status]', '…\\s*\\d+\\s*%$')).then((t) => (window.__progressAt = t));
  };
  // Frames while scrolling: requestAnimationFrame deltas, and whether rows still loading
  // ("Loading…" placeholders) were in view in that frame.
  window.__framesStart = () => {
    const body = table()?.querySelectorAll('[role=rowgroup]')[1];
    const f = { deltas: [], blank: 0, frames: 0, on: true, last: null, start: performance.now() };
    window.__fr = f;
    // Checked in a task after the frame (layout is then clean), so the check forces no layout
    // inside the frame it measures.
    const check = () => {
      const view = body?.getBoundingClientRect();
      if (!view) return;
      for (const el of body.querySelectorAll('[aria-busy=true]')) {
        const r = el.getBoundingClientRect();
        if (r.bottom > view.top && r.top < view.bottom) {
          f.blank++;
          return;
        }
      }
    };
    const loop = (t) => {
      if (f.last !== null) f.deltas.push(t - f.last);
      f.last = t;
      f.frames++;
      setTimeout(check, 0);
      if (f.on) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    return f.start;
  };
  window.__framesStop = () => {
    const f = window.__fr;
    f.on = false;
    const body = table()?.querySelectorAll('[role=rowgroup]')[1];
    return { deltas: f.deltas, blank: f.blank, frames: f.frames, start: f.start, end: performance.now(), scrollTop: body?.scrollTop ?? 0, scrollHeight: body?.scrollHeight ?? 0 };
  };
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
const stat = (xs) => ({ median: median(xs), p50: pct(xs, 50), p95: pct(xs, 95), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });
const load = () => {
  try {
    return execSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
};

export async function runBench({ users = 100000, runs = 5, quick = false, write = true, log = console.log } = {}) {
  if (quick) runs = 1;
  const app = await startApp({ base: '/muster/' });
  const browser = await openBrowser();
  const { page } = browser;
  await page.addInitScript(instrument);
  const results = { users, runs, quick, scenarios: {}, longestTask: {}, attribution: {}, floors: {}, heap: {}, extra: {}, load: { before: load() } };
  // Waits that are not measurements: generous at 100,000 users, short in the quick run so a broken
  // selector fails the smoke test in seconds rather than minutes.
  const stepTimeout = quick ? 60_000 : 300_000;
  const waitTimeout = quick ? 30_000 : 120_000;
  const now = () => page.evaluate(() => performance.now());
  const debug = (m) => process.env.BENCH_DEBUG && log(`[bench] ${m}`);
  // The longest main-thread task overlapping [from, to] (page time), and the longest animation
  // frame there with the scripts that took its time (asked at once: a navigation loses them; after
  // the next frame, so the frame that ended the step has been reported).
  const longestIn = (from, to) =>
    page.evaluate(async ([a, b]) => {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      window.__flushPerf();
      const ms = Math.max(0, ...window.__long.filter((e) => e.start < b && e.start + e.duration > a).map((e) => e.duration));
      const over = (window.__loaf ?? []).filter((e) => e.start < b && e.start + e.duration > a && e.blocking > 0);
      const worst = over.length ? over.reduce((x, y) => (y.duration > x.duration ? y : x)) : null;
      const frame = worst && { ...worst, scripts: [...worst.scripts].sort((x, y) => y.duration - x.duration).slice(0, 3) };
      return { ms, frame };
    }, [from, to]);
  const settledAfter = (t) => page.waitForFunction((t) => window.__settled.find((s) => s > t), t, { timeout: waitTimeout }).then((h) => h.jsonValue());
  const sizeLabel = users.toLocaleString('en-US');
  // One timed step: arm a watch for `until` ([selector, pattern], or { pred, arg } naming one of
  // window.__preds), act (an in-page click on [selector, pattern], or a function returning its
  // start time), and return the start and elapsed time (and when progress first showed).
  const step = async (act, until, { timeout = stepTimeout, watchProgress = false } = {}) => {
    debug(`step ${JSON.stringify(act)} until ${JSON.stringify(until)}`);
    await page.evaluate(([u, p]) => {
      window.__done = window.__until(Array.isArray(u) ? () => window.__find(u[0], u[1]) : () => window.__preds[u.pred](u.arg));
      if (p) window.__watchProgress();
    }, [until, watchProgress]);
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
    const late = new Promise((_, no) => (timer = setTimeout(() => no(new Error(`timed out waiting for ${JSON.stringify(until)}`)), timeout)));
    const end = await Promise.race([page.evaluate(() => window.__done), late]).finally(() => clearTimeout(timer));
    if (typeof end !== 'number') throw new Error(`the page reloaded while waiting for ${JSON.stringify(until)}`);
    const shown = watchProgress ? await page.evaluate(() => window.__progressAt) : null;
    if (watchProgress) await page.evaluate(() => window.__stopWatching());
    return { t, ms: end - t, end, progressAt: shown };
  };
  // A scenario's figures: its samples, the longest task over its steps and the longest frame's scripts.
  const record = (name, values, tasks) => {
    results.scenarios[name] = stat(values);
    results.longestTask[name] = Math.ceil(Math.max(0, ...tasks.map((x) => x.ms)));
    const frames = tasks.map((x) => x.frame).filter(Boolean);
    if (frames.length) results.attribution[name] = frames.reduce((x, y) => (y.duration > x.duration ? y : x));
  };
  const clickIn = (selector, pattern) => page.evaluate(([s, p]) => {
    const el = window.__find(s, p);
    if (!el) throw new Error(`nothing matches ${s} ${p}`);
    const t = performance.now();
    el.click();
    return t;
  }, [selector, pattern]);
  const totalShown = (label) => page.waitForFunction((label) => [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.trim() === label), label, { timeout: waitTimeout });
  // Per key typed since key number k0: from the key's time stamp to the first table answer after
  // the page handled it (an answer to an older query is dropped by the app, so the first answer
  // shown after a key answers that key or a later one).
  const keyLatencies = (k0) =>
    page.evaluate((k0) => window.__keys.slice(k0).map((k) => {
      const answer = window.__settled.find((s) => s > k.at);
      const from = k.ts > 0 && k.ts <= k.at + 1 ? k.ts : k.at;
      return { key: k.key, ms: answer - from, waited: k.at - from };
    }), k0);
  const box = page.getByRole('searchbox', { name: 'Search users by name or email' });
  const emptyBox = async () => {
    if (!(await box.inputValue())) return;
    const t = await now();
    await box.fill('');
    await settledAfter(t);
  };

  try {
    await page.goto(app.url);
    await page.getByRole('status').filter({ hasText: /1,000 users/ }).first().waitFor({ timeout: 60_000 });

    // 1. Creating the demo workspace, through Settings.
    debug('1 create');
    const create = [];
    const createLong = [];
    const createProgress = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${app.url}#/settings`);
      await page.getByLabel(`${sizeLabel} users`).check();
      await page.getByRole('button', { name: /Reset to demo data/ }).click();
      await page.getByRole('button', { name: new RegExp(`Reset to ${sizeLabel} demo users`) }).waitFor();
      const r = await step(['button', `^Reset to ${sizeLabel} demo users`], ['p, div', `^The workspace now holds ${sizeLabel} demo users\\.`], { watchProgress: true });
      create.push(r.ms);
      createProgress.push(r.progressAt !== null);
      createLong.push(await longestIn(r.t, r.end));
    }
    record('create demo workspace', create, createLong);
    results.extra.createShowedProgress = createProgress.every(Boolean);

    // 2. Opening the app with the users stored → first rows visible.
    debug('2 open');
    const open = [];
    const openLong = [];
    for (let i = 0; i < runs; i++) {
      await page.goto('about:blank');
      await page.goto(`${app.url}#/`);
      await page.waitForFunction(() => window.__firstRow, null, { timeout: waitTimeout });
      open.push(await page.evaluate(() => window.__firstRow));
      // Until the total shows too (watched without Playwright's selector engine on the page).
      await totalShown(`${sizeLabel} users`);
      const end = await now();
      openLong.push(await longestIn(0, end));
    }
    record('open app → first rows', open, openLong);
    results.heap.pageAfterLoad = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
    results.heap.workerAfterLoad = await workerHeap(browser.context, page);
    // A fresh page (and engine worker) for what follows: no debugger session stays attached.
    await page.goto('about:blank');
    await page.goto(`${app.url}#/`);
    await totalShown(`${sizeLabel} users`);
    await page.waitForTimeout(quick ? 200 : 1000);

    // 3. Search keystrokes: each changes the query; latency = key → table answered.
    debug('3 keystrokes');
    await box.fill('ma');
    await page.waitForTimeout(300);
    const keys = [];
    const t0 = await now();
    for (let k = 0; k < (quick ? 10 : 50); k++) {
      const k0 = await page.evaluate(() => window.__keys.length);
      await page.keyboard.press(k % 2 ? 'Backspace' : 'r');
      await settledAfter(await page.evaluate(() => window.__keyDown));
      keys.push(...(await keyLatencies(k0)).map((x) => x.ms));
    }
    const t1 = await now();
    record('search keystroke', keys, [await longestIn(t0, t1)]);
    await emptyBox();

    // 3b. Typing a surname from the table, letter by letter from an empty box, at a person's pace
    // (110 ms a key); each key's latency to the table answering.
    debug('3b typing');
    // The names are read (untimed) at a few depths of the table, so each run types another one.
    const rowsBody = page.getByRole('table', { name: 'Users' }).getByRole('rowgroup').nth(1);
    const namesInView = () =>
      page
        .waitForFunction(() => {
          const body = document.querySelectorAll('[role=table][aria-label="Users"] [role=rowgroup]')[1];
          const view = body.getBoundingClientRect();
          const names = [...body.querySelectorAll('[role=row] a')].filter((a) => {
            const r = a.getBoundingClientRect();
            return r.top >= view.top && r.bottom <= view.bottom;
          });
          return names.length ? names.map((a) => a.textContent.trim()) : null;
        }, null, { timeout: waitTimeout })
        .then((h) => h.jsonValue());
    const surnameIn = (names) => names.map((n) => n.split(/\s+/).pop()).find((s) => /^[A-Za-z]{5,9}$/.test(s));
    const surnames = [];
    for (let i = 0; i < runs; i++) {
      await rowsBody.evaluate((el, f) => (el.scrollTop = Math.floor(f * el.scrollHeight)), (i + 0.37) / runs);
      await page.waitForTimeout(300);
      const name = surnameIn(await namesInView());
      if (name && !surnames.includes(name)) surnames.push(name);
    }
    await rowsBody.evaluate((el) => (el.scrollTop = 0));
    if (!surnames.length) surnames.push(surnameIn(await namesInView()) ?? 'Smith');
    const typed = [];
    const typedLong = [];
    results.extra.typed = [];
    for (let i = 0; i < runs; i++) {
      const name = surnames[i % surnames.length];
      await emptyBox();
      await box.focus();
      await page.waitForTimeout(400);
      const k0 = await page.evaluate(() => window.__keys.length);
      const start = await now();
      for (const ch of name) {
        const sent = Date.now();
        await page.keyboard.press(ch);
        const left = 110 - (Date.now() - sent);
        if (left > 0) await sleep(left);
      }
      await settledAfter(await page.evaluate(() => window.__keyDown));
      const end = await now();
      const per = await keyLatencies(k0);
      typed.push(...per.map((x) => x.ms));
      typedLong.push(await longestIn(start, end));
      results.extra.typed.push({ name, ms: per.map((x) => Math.round(x.ms)), waitedForMainThread: per.map((x) => Math.round(x.waited)) });
    }
    record('typing a name, per key', typed, typedLong);

    // 3c. A search that matches nobody: a word pasted into the empty box → the empty table.
    debug('3c nobody');
    const nobody = [];
    const nobodyLong = [];
    for (let i = 0; i < runs; i++) {
      await emptyBox();
      await box.focus();
      await page.waitForTimeout(300);
      const i0 = await page.evaluate(() => window.__inputs.length);
      await page.keyboard.insertText(['qzxjv', 'xqzvj', 'vjqzx', 'jxvqz', 'zvjxq'][i % 5]);
      const input = await page.waitForFunction((i0) => window.__inputs[i0], i0, { timeout: waitTimeout }).then((h) => h.jsonValue());
      const answered = await settledAfter(input.at);
      await page.waitForFunction(() => window.__find('[role=table] [role=cell]', '^No users match'), null, { timeout: waitTimeout });
      const from = input.ts > 0 && input.ts <= input.at + 1 ? input.ts : input.at;
      nobody.push(answered - from);
      nobodyLong.push(await longestIn(from, answered));
    }
    record('search matching nobody', nobody, nobodyLong);
    await emptyBox();

    // 4. A filter change and a sort, as a person clicks them.
    debug('4 filter, sort');
    const filter = [];
    const sort = [];
    const filterLong = [];
    const sortLong = [];
    // Assigning location.hash reloads a hash-routed SvelteKit app, so filters are changed the
    // way a person does: ticking a box in the filter panel.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('checkbox', { name: 'Regular', exact: true }).waitFor();
    for (let i = 0; i < runs; i++) {
      let t = await clickIn('label', '^Regular$');
      const done = await settledAfter(t);
      filter.push(done - t);
      filterLong.push(await longestIn(t, done));
      t = await clickIn('label', '^Regular$');
      await settledAfter(t);
    }

    // 4b. Ticking, then unticking, Status: Active in the same panel: each → the table answered.
    debug('4b status');
    const clickStatus = (label) =>
      page.evaluate((label) => {
        const sets = [...document.querySelectorAll('fieldset')].filter((f) => f.querySelector('legend')?.textContent.trim() === 'Status');
        const el = sets.flatMap((f) => [...f.querySelectorAll('label')]).find((l) => l.textContent.trim() === label);
        if (!el) throw new Error(`no ${label} in the Status filter`);
        const t = performance.now();
        el.click();
        return t;
      }, label);
    const status = [];
    const statusLong = [];
    for (let i = 0; i < runs; i++) {
      for (const _ of ['tick', 'untick']) {
        await page.waitForTimeout(300);
        const t = await clickStatus('Active');
        const done = await settledAfter(t);
        status.push(done - t);
        statusLong.push(await longestIn(t, done));
      }
    }
    record('filter: tick/untick Status: Active', status, statusLong);
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
      sortLong.push(await longestIn(t, done));
    }
    record('filter change', filter, filterLong);
    record('sort', sort, sortLong);

    // 4c. Scrolling the whole directory: by wheel notches at a person's pace, then by fast
    // flings; frame times are requestAnimationFrame deltas in the page.
    debug('4c scroll');
    const scroll = async (name, gestures) => {
      const deltas = [];
      const long = [];
      const info = { frames: 0, framesWithLoadingRows: 0, scrolledPx: 0, wheelEvents: 0 };
      for (let i = 0; i < runs; i++) {
        await rowsBody.evaluate((el) => (el.scrollTop = 0));
        await page.waitForFunction(() => window.__preds.firstRow(), null, { timeout: waitTimeout });
        await page.waitForTimeout(500);
        const box = await rowsBody.boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const start = await page.evaluate(() => window.__framesStart());
        info.wheelEvents += await gestures();
        await page.waitForTimeout(500);
        const f = await page.evaluate(() => window.__framesStop());
        deltas.push(...f.deltas);
        info.frames += f.frames;
        info.framesWithLoadingRows += f.blank;
        info.scrolledPx += f.scrollTop;
        long.push(await longestIn(start, f.end));
      }
      record(name, deltas, long);
      results.extra[name] = info;
    };
    // Wheel: one notch (100 px) every 80 ms, as a person turns a wheel.
    await scroll('scroll by wheel: frame', async () => {
      const n = quick ? 15 : 40;
      for (let k = 0; k < n; k++) {
        const sent = Date.now();
        await page.mouse.wheel(0, 100);
        const left = 80 - (Date.now() - sent);
        if (left > 0) await sleep(left);
      }
      return n;
    });
    // Flings: 12 wheel events of 1,500 px a frame apart (18,000 px, ~400 rows), then a pause.
    await scroll('scroll by flings: frame', async () => {
      let n = 0;
      for (let g = 0; g < (quick ? 2 : 5); g++) {
        for (let k = 0; k < 12; k++) {
          const sent = Date.now();
          await page.mouse.wheel(0, 1500);
          n++;
          const left = 16 - (Date.now() - sent);
          if (left > 0) await sleep(left);
        }
        await sleep(400);
      }
      return n;
    });
    await rowsBody.evaluate((el) => (el.scrollTop = 0));

    // 4d. Opening a user's page from the table → their name as the heading and their history.
    debug('4d user page');
    const person = [];
    const personLong = [];
    for (let i = 0; i < runs; i++) {
      await page.waitForFunction(() => window.__preds.firstRow(), null, { timeout: waitTimeout });
      await page.waitForTimeout(300);
      const row = 2 + i * 2;
      const name = await page.evaluate((row) => document.querySelector(`[role=table][aria-label="Users"] [role=row][aria-rowindex="${row + 1}"] a`)?.textContent.trim(), row);
      if (!name) throw new Error(`no link in row ${row}`);
      const doc = await page.evaluate(() => window.__doc);
      const r = await step(
        () => page.evaluate((row) => {
          const a = document.querySelector(`[role=table][aria-label="Users"] [role=row][aria-rowindex="${row + 1}"] a`);
          const t = performance.now();
          a.click();
          return t;
        }, row),
        { pred: 'userPage', arg: name }
      );
      if ((await page.evaluate(() => window.__doc)) !== doc) throw new Error('opening a user’s page reloaded the document');
      person.push(r.ms);
      personLong.push(await longestIn(r.t, r.end));
      await page.getByRole('link', { name: '← Users' }).click();
    }
    await page.waitForFunction(() => window.__preds.firstRow(), null, { timeout: waitTimeout });
    record('open a user’s page', person, personLong);

    // 5a. With ~60 % selected (every active user): opening the action menu until every count
    // shows, then an action preview listing field changes (Update profile fields → time zone).
    debug('5a menu counts, field preview');
    {
      const t0 = await now();
      await page.goto(`${app.url}#/?status=active`);
      await page.waitForFunction((t) => window.__firstRow > 0 || window.__settled.find((s) => s > t), t0, { timeout: waitTimeout });
      await page.getByRole('status').filter({ hasText: /users of/ }).waitFor({ timeout: waitTimeout });
      await page.getByRole('button', { name: /Select all [\d,]+ users matching/ }).click();
      const selected = await page.getByRole('status').filter({ hasText: /^[\d,]+ users selected/ }).textContent({ timeout: waitTimeout });
      results.extra.menuSelected = Number(selected.match(/[\d,]+/)[0].replace(/,/g, ''));
      const menu = [];
      const menuLong = [];
      const fields = [];
      const fieldsLong = [];
      for (let i = 0; i < runs; i++) {
        await page.waitForTimeout(300);
        let r = await step(['button', '^Choose an action'], { pred: 'menuCounted' });
        menu.push(r.ms);
        menuLong.push(await longestIn(r.t, r.end));
        await page.getByRole('listbox', { name: 'Actions' }).getByRole('option', { name: /^Update profile fields/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('group', { name: 'Time zone' }).first().getByLabel('Set to…').check();
        await dialog.getByRole('radio', { name: i % 2 ? 'Africa/Accra' : 'Africa/Abidjan', exact: true }).check();
        await page.waitForTimeout(300);
        r = await step(['[role=dialog] button', '^Preview$'], { pred: 'changesListed' });
        fields.push(r.ms);
        fieldsLong.push(await longestIn(r.t, r.end));
        results.extra.fieldPreview = await dialog.evaluate((d) => ({
          applies: d.querySelector('[role=status]')?.textContent.trim().replace(/\s+/g, ' '),
          summaryLines: d.querySelectorAll('[aria-label="What changes"] li').length
        }));
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'detached' });
      }
      record('action menu: every count shown', menu, menuLong);
      record('action preview: field changes', fields, fieldsLong);
      await page.getByRole('button', { name: 'Clear selection' }).click();
    }

    // 5b. Exporting every user as Muster CSV: the menu item's click → the browser's download.
    debug('5b export');
    {
      await page.goto(`${app.url}#/`);
      await page.waitForLoadState('load');
      await totalShown(`${sizeLabel} users`);
      const exp = [];
      const expLong = [];
      const shown = [];
      for (let i = 0; i < runs; i++) {
        await page.getByRole('button', { name: /^Export these users/ }).click();
        await page.getByRole('menuitem', { name: 'Muster CSV' }).waitFor();
        const downloaded = page.waitForEvent('download', { timeout: stepTimeout });
        const d0 = await page.evaluate(() => window.__downloads.length);
        await page.evaluate(() => window.__watchProgress());
        const t = await clickIn('[role=menuitem]', '^Muster CSV$');
        const file = await downloaded;
        const at = await page.waitForFunction((d0) => window.__downloads[d0], d0, { timeout: waitTimeout }).then((h) => h.jsonValue());
        const seen = await page.evaluate(() => window.__progressAt);
        await page.evaluate(() => window.__stopWatching());
        exp.push(at - t);
        shown.push(seen !== null && seen < at);
        expLong.push(await longestIn(t, at));
        results.extra.exportBytes = fs.statSync(await file.path()).size;
        await file.delete();
        await page.getByRole('button', { name: /^Export these users/ }).waitFor({ timeout: waitTimeout });
        await page.waitForTimeout(300);
      }
      record('export all users (Muster CSV)', exp, expLong);
      results.extra.exportShowedProgress = shown.every(Boolean);
    }

    // 5. Select all matching (about 60%) → preview → apply. Alternates Deactivate and Activate so
    // every run really changes the data.
    debug('5 bulk');
    const phases = { select: [], preview: [], apply: [], selectLong: [], previewLong: [], applyLong: [], applied: [], progress: [] };
    for (let i = 0; i < runs; i++) {
      const [status, action] = i % 2 ? ['inactive', 'Activate'] : ['active', 'Deactivate'];
      const t0 = await now();
      await page.goto(`${app.url}#/?status=${status}`);
      await page.waitForFunction((t) => window.__firstRow > 0 || window.__settled.find((s) => s > t), t0, { timeout: waitTimeout });
      await page.getByRole('status').filter({ hasText: /users of/ }).waitFor({ timeout: waitTimeout });
      await page.getByRole('button', { name: /Select all [\d,]+ users matching/ }).waitFor();
      let r = await step(['button', '^Select all [\\d,]+ users matching'], ['[role=status]', '^[\\d,]+ users selected']);
      phases.select.push(r.ms);
      phases.selectLong.push(await longestIn(r.t, r.end));
      r = await step(['button', '^Choose an action'], ['[role=option]', `^${action}`]);
      const menu = r.t;
      r = await step(['[role=option]', `^${action}`], ['[role=dialog] [role=status]', '^Applies to']);
      phases.preview.push(r.end - menu);
      phases.previewLong.push(await longestIn(menu, r.end));
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /^Apply to/ }).waitFor();
      r = await step(['[role=dialog] button', '^Apply to'], ['[role=dialog] p', '^Done\\.'], { watchProgress: true });
      phases.apply.push(r.ms);
      phases.progress.push(r.progressAt !== null);
      phases.applyLong.push(await longestIn(r.t, r.end));
      phases.applied.push(Number((await dialog.getByText('Done.').locator('..').textContent()).match(/([\d,]+) users? updated/)[1].replace(/,/g, '')));
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    record('select all matching', phases.select, phases.selectLong);
    record('menu + preview', phases.preview, phases.previewLong);
    record('bulk apply', phases.apply, phases.applyLong);
    results.bulkApplied = stat(phases.applied);
    results.extra.bulkApplyShowedProgress = phases.progress.every(Boolean);

    // 6. A CSV upload as big as the directory: ~10 % new, ~30 % changed in 1–3 fields, some
    // invalid rows and duplicate emails. Every run changes different values.
    debug('6 upload');
    await page.goto(`${app.url}#/`);
    await page.waitForLoadState('load');
    await page.getByRole('status').filter({ hasText: new RegExp(`^${sizeLabel} users$`) }).waitFor({ timeout: waitTimeout });
    const [exported] = await Promise.all([page.waitForEvent('download', { timeout: stepTimeout }), page
        .getByRole('button', { name: /Export these users/ })
        .click()
        .then(() => page.getByRole('menuitem', { name: 'Muster CSV' }).click())
    ]);
    const emails = fs.readFileSync(await exported.path(), 'utf8').split('\r\n').slice(1).map((l) => l.split(',')[0]).filter((e) => e.includes('@'));
    await exported.delete();
    const up = { preview: [], apply: [], previewLong: [], applyLong: [], progress: [], rows: 0, bytes: 0 };
    let lastCsv = '';
    for (let i = 0; i < runs; i++) {
      const csv = uploadFile(emails, i);
      lastCsv = csv;
      up.bytes = Buffer.byteLength(csv);
      await page.goto(`${app.url}#/upload`);
      await page.waitForLoadState('load');
      await page.getByRole('heading', { name: 'Upload users', exact: true }).waitFor();
      // Opening the page reloads the app: wait until the engine has loaded the workspace (the
      // header then shows who is acting), so the preview is not timed with the loading.
      await page.waitForFunction(() => document.querySelector('.actor select'), null, { timeout: waitTimeout });
      await page.waitForTimeout(200);
      const file = path.join(os.tmpdir(), `muster-bench-${process.pid}-${i}.csv`);
      let r = await step(async () => {
        // From a file on disk: Chromium reads it natively. (A buffer would be decoded by
        // Playwright's script on the page's main thread, in the task that fires `change`.)
        fs.writeFileSync(file, csv);
        await page.getByLabel('Choose a file').setInputFiles(file);
        return page.evaluate(() => window.__fileChosen);
      }, ['h2', '^Preview of ']);
      up.preview.push(r.ms);
      up.previewLong.push(await longestIn(r.t, r.end));
      up.rows = Number((await page.getByRole('heading', { name: /^Preview of / }).textContent()).match(/[\d,]+/)[0].replace(/,/g, ''));
      await page.getByLabel(/Invite new users/).uncheck();
      await page.getByRole('button', { name: /^Apply [\d,]+ changes?/ }).waitFor();
      r = await step(['button', '^Apply [\\d,]+ changes?'], ['p', '^Done\\.'], { watchProgress: true });
      up.apply.push(r.ms);
      up.progress.push(r.progressAt !== null);
      up.applyLong.push(await longestIn(r.t, r.end));
      fs.rmSync(file, { force: true });
    }
    record('upload: read → preview shown', up.preview, up.previewLong);
    record('upload: apply', up.apply, up.applyLong);
    results.upload = { rows: up.rows, megabytes: +(up.bytes / 2 ** 20).toFixed(1) };
    results.extra.uploadApplyShowedProgress = up.progress.every(Boolean);

    // 7. Revert that upload (then the revert of the revert, which applies it again, and so on):
    // the preview of the revert, then the atomic revert itself.
    debug('7 revert');
    const rv = { preview: [], apply: [], previewLong: [], applyLong: [], progress: [] };
    for (let i = 0; i < Math.min(runs, 3); i++) {
      await page.goto(`${app.url}#/reports`);
      // A fresh page: the engine loads the workspace again first (seconds at a million users).
      await page.getByRole('table', { name: 'Operations' }).getByRole('link').first().click({ timeout: waitTimeout });
      await page.getByRole('button', { name: 'Revert…' }).waitFor({ timeout: waitTimeout });
      let r = await step(['button', '^Revert…$'], ['[role=dialog] [role=status]', '^Reverts [\\d,]+ users?']);
      rv.preview.push(r.ms);
      rv.previewLong.push(await longestIn(r.t, r.end));
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /^Revert [\d,]+ users?/ }).waitFor();
      r = await step(['[role=dialog] button', '^Revert [\\d,]+ users?'], ['[role=dialog] [role=status]', '^Reverted\\.'], { watchProgress: true });
      rv.apply.push(r.ms);
      rv.progress.push(r.progressAt !== null);
      rv.applyLong.push(await longestIn(r.t, r.end));
      await dialog.getByRole('button', { name: 'Open the revert report' }).click();
      await page.getByRole('heading', { name: /^Revert of #/ }).waitFor({ timeout: waitTimeout });
    }
    record('revert upload: preview', rv.preview, rv.previewLong);
    record('revert upload: apply', rv.apply, rv.applyLong);
    results.extra.revertApplyShowedProgress = rv.progress.every(Boolean);

    // 8. The floors, in the same page and run.
    debug('8 floors');
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
  results.build = buildInfo();
  results.load.after = load();
  log(table(results));
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
  if (write) {
    fs.writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(here, `results-${users}.json`), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(here, 'README.md'), readme(results));
  }
  return results;
}

/**
 * The engine worker's used JS heap, in bytes. Workers have no performance.memory, so this asks
 * V8 through the DevTools protocol: attach to the page's worker (messages relayed by the page's
 * session), collect garbage, and call Runtime.getHeapUsage. Null if the worker cannot be reached.
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
    const ask = (id, method) =>
      within(30_000, new Promise((resolve) => {
        replies.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      }));
    // What the worker keeps, not what it has yet to collect: a full collection first.
    await ask(1, 'HeapProfiler.collectGarbage');
    const result = await ask(2, 'Runtime.getHeapUsage');
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

/**
 * Which build was measured: when it was built, the commit checked out (and how many src files
 * differ from it, committed later or not at all), and src files changed since the build.
 */
function buildInfo() {
  const root = path.join(here, '..');
  const builtAt = fs.statSync(path.join(root, 'build', 'index.html')).mtimeMs;
  let head = null;
  let srcUncommitted = 0;
  try {
    head = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
    srcUncommitted = execSync('git status --porcelain -- src', { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean).length;
  } catch {
    // Not a git checkout.
  }
  const newer = fs.readdirSync(path.join(root, 'src'), { recursive: true }).filter((f) => {
    const stat = fs.statSync(path.join(root, 'src', f));
    return stat.isFile() && stat.mtimeMs > builtAt;
  });
  return { builtAt: new Date(builtAt).toISOString(), head, srcUncommitted, srcChangedSinceBuild: newer.length };
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
const n = (v) => v.toLocaleString('en-US');

/** Which of issue #18's targets this run meets: [target, figure, value, met]. */
export function targets(r) {
  const rows = [];
  const s = r.scenarios;
  const interactions = ['typing a name, per key', 'search keystroke', 'search matching nobody', 'filter: tick/untick Status: Active', 'filter change', 'sort', 'open a user’s page', 'select all matching', 'action preview: field changes'];
  for (const name of interactions) if (s[name]) rows.push(['answers in ≤ 100 ms at p95', name, `p95 ${ms(s[name].p95)}`, s[name].p95 <= 100]);
  const menu = s['action menu: every count shown'];
  if (menu) rows.push([`action menu counts in ≤ 200 ms at p95 (${n(r.extra.menuSelected ?? 0)} selected)`, 'action menu: every count shown', `p95 ${ms(menu.p95)}`, menu.p95 <= 200]);
  for (const name of ['scroll by wheel: frame', 'scroll by flings: frame']) if (s[name]) rows.push(['scrolling frames ≤ 20 ms at p95', name, `p95 ${ms(s[name].p95)}, max ${ms(s[name].max)}`, s[name].p95 <= 20]);
  const over = Object.entries(r.longestTask).filter(([, v]) => v > 50);
  rows.push(['no main-thread task over 50 ms, in any scenario', 'all scenarios', over.length ? `${over.length} of ${Object.keys(r.longestTask).length} over: ${over.map(([k, v]) => `${k} ${v} ms`).join('; ')}` : 'none over 50 ms', over.length === 0]);
  for (const [name, shown] of [['export all users (Muster CSV)', r.extra.exportShowedProgress], ['bulk apply', r.extra.bulkApplyShowedProgress], ['upload: apply', r.extra.uploadApplyShowedProgress], ['revert upload: apply', r.extra.revertApplyShowedProgress], ['create demo workspace', r.extra.createShowedProgress]]) {
    if (!s[name]) continue;
    const long = s[name].max > 1000;
    rows.push(['a job longer than a second shows progress', name, `max ${ms(s[name].max)}, progress ${shown ? 'shown' : 'not seen'}`, !long || Boolean(shown)]);
  }
  const ratio = r.ratios ?? {};
  if (ratio['upload preview / parse floor'] !== undefined) rows.push(['upload preview ≤ 2 × the parse floor', 'upload preview / parse floor', `${ratio['upload preview / parse floor'].toFixed(2)} ×`, ratio['upload preview / parse floor'] <= 2]);
  if (ratio['upload apply / write floor'] !== undefined) rows.push(['upload apply ≤ 1.5 × the write floor', 'upload apply / write floor', `${ratio['upload apply / write floor'].toFixed(2)} ×`, ratio['upload apply / write floor'] <= 1.5]);
  return rows;
}

/** A long frame in words: how long, how much of it blocked input, and the scripts that ran in it. */
function frameWords(f) {
  const scripts = f.scripts.map((x) => `${Math.round(x.duration)} ms in ${/^https?:/.test(x.invoker) ? `${x.type} ${x.invoker.split('/').pop()}` : x.invoker || x.type}${x.src ? ` (${x.src}${x.fn ? ` ${x.fn}` : ''})` : ''}${x.forced > 1 ? `, ${Math.round(x.forced)} ms forced layout` : ''}`);
  return `${Math.round(f.duration)} ms frame, ${Math.round(f.blocking)} ms blocking, ${Math.round(f.layout)} ms style/layout/paint${scripts.length ? ` — ${scripts.join('; ')}` : ''}`;
}

function table(r) {
  const rows = Object.entries(r.scenarios).map(([name, s]) => `| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.min)} – ${ms(s.max)} | ${n(s.runs)} | ${r.longestTask[name]} ms |`);
  const floors = Object.entries({ 'papaparse alone, same file, in a worker': r.floors.parse, 'raw write (chunks of 500, one transaction)': r.floors.write, 'raw read (one getAll)': r.floors.read, 'raw read-modify-write of every chunk': r.floors.rmw }).map(
    ([name, s]) => `| ${name} | ${ms(s.median)} | ${ms(s.min)} – ${ms(s.max)} |`
  );
  const ratios = Object.entries(r.ratios ?? {}).map(([k, v]) => `| ${k} | ${v.toFixed(2)} × |`);
  const x = r.extra ?? {};
  const scroll = (name) => x[name] && `${name.replace(': frame', '')}: ${n(x[name].wheelEvents)} wheel events, ${n(x[name].scrolledPx)} px scrolled, ${n(x[name].frames)} frames, ${n(x[name].framesWithLoadingRows)} with rows still loading in view`;
  return [
    `Muster benchmark — ${n(r.users)} users, ${r.runs} run(s) each${r.quick ? ' (quick)' : ''}`,
    '',
    '| scenario | median | p95 | min – max | samples | longest main-thread task |',
    '| --- | --- | --- | --- | --- | --- |',
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
    [
      `Heap after load: page ${r.heap.pageAfterLoad ? `${(r.heap.pageAfterLoad / 2 ** 20).toFixed(0)} MiB` : 'n/a'}, worker ${r.heap.workerAfterLoad ? `${(r.heap.workerAfterLoad / 2 ** 20).toFixed(0)} MiB` : 'n/a'}.`,
      `Menu and field preview with ${n(x.menuSelected ?? 0)} users selected; the preview: "${x.fieldPreview?.applies ?? '?'}", ${x.fieldPreview?.summaryLines ?? '?'} change line(s).`,
      `Bulk apply changed ${n(r.bulkApplied?.median ?? 0)} users (median). Upload file: ${n(r.upload?.rows ?? 0)} rows, ${r.upload?.megabytes} MB. Export: ${((x.exportBytes ?? 0) / 2 ** 20).toFixed(1)} MB.`,
      `Names typed, each key's latency: ${(x.typed ?? []).map((t) => `${t.name} (${t.ms.join(', ')} ms; the longest wait before the page handled a key: ${Math.max(0, ...t.waitedForMainThread)} ms)`).join('; ')}.`,
      `${[scroll('scroll by wheel: frame'), scroll('scroll by flings: frame')].filter(Boolean).join('; ')}.`,
      `Progress shown — export: ${x.exportShowedProgress ? 'yes' : 'no'}, bulk apply: ${x.bulkApplyShowedProgress ? 'yes' : 'no'}, upload apply: ${x.uploadApplyShowedProgress ? 'yes' : 'no'}, revert: ${x.revertApplyShowedProgress ? 'yes' : 'no'}, creating the demo: ${x.createShowedProgress ? 'yes' : 'no'}.`
    ].join('\n')
  ].join('\n');
}

function section(r) {
  const met = targets(r);
  const frames = Object.entries(r.attribution ?? {}).filter(([name]) => r.longestTask[name] > 0);
  return [
    `## ${n(r.users)} users${r.quick ? ' (quick)' : ''}`,
    '',
    `Run ${r.date} on ${r.machine}${r.build ? `; the build of ${r.build.builtAt}, commit ${r.build.head ?? '?'} checked out${r.build.srcUncommitted ? ` with ${r.build.srcUncommitted} src files not committed` : ''}${r.build.srcChangedSinceBuild ? ` (${r.build.srcChangedSinceBuild} src files changed since the build)` : ''}` : ''}. Machine load (\`uptime\`), others sharing the CPU — before: \`${r.load?.before ?? 'n/a'}\`; after: \`${r.load?.after ?? 'n/a'}\`.`,
    '',
    table(r),
    '',
    `### Issue #18's targets at ${n(r.users)} users: ${met.filter((m) => m[3]).length} met, ${met.filter((m) => !m[3]).length} missed`,
    '',
    '| target | figure | this run | |',
    '| --- | --- | --- | --- |',
    ...met.map(([target, figure, value, ok]) => `| ${target} | ${figure} | ${value} | ${ok ? 'met' : '**missed**'} |`),
    ...(frames.length
      ? ['', '### Where the longest frames went', '', 'The longest animation frame overlapping each scenario that had a long task, with the scripts that ran in it (entry point, bundle file, function name when the bundle keeps one):', '', ...frames.map(([name, f]) => `- ${name}: ${frameWords(f)}`)]
      : [])
  ].join('\n');
}

function readme(latest) {
  // One section per size measured (bench/results-<users>.json), the newest run of each.
  const runs = fs
    .readdirSync(here)
    .filter((f) => /^results-\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(here, f), 'utf8')))
    .filter((r) => r.users !== latest.users)
    .concat([latest])
    .sort((a, b) => a.users - b.users);
  return `# Benchmark

\`npm run bench\` builds the site, serves it, and drives headless Chromium through the real UI and
engine the way a person works. Options: \`-- --users 10000\` (1,000, 10,000, 100,000 or 1,000,000), \`-- --runs 5\`,
\`-- --quick\` (one run of each, fewer keys and wheel events). A 1,000-user quick run is part of \`npm test\`
(\`tests/e2e/zz-bench-smoke.e2e.mjs\`) so the harness never rots; no test asserts a time.
Each size's figures are kept in \`bench/results-<users>.json\` and shown below.

## How each figure is taken

All times are \`performance.now()\` differences inside the page. A step is started by a click made in
the page (\`element.click()\`) and ends when a \`MutationObserver\` sees its result: Playwright's
locators would poll at up to 500 ms and run their selector engine on the page's main thread, which
would be counted as Muster's time. "The table answered" means its \`data-answers\` counter moved
(the directory shows a new answer; answers to superseded queries are dropped by the app).

- **Longest main-thread task**: the longest \`PerformanceObserver('longtask')\` entry overlapping the
  scenario's timed steps (0 ms: none over 50 ms, the API's own threshold). The longest
  \`long-animation-frame\` entry there gives the scripts that ran in it (below each table).
  Their entry points read: \`Worker.onmessage\` / \`MessagePort.onmessage\`, an answer from the
  engine worker (Comlink) and the page's work on it (Svelte updates, a download); \`VoidFunction\`,
  a queued microtask (Svelte's effect flush, the rendering after a state change); \`import.then\`,
  the app's start (its first render); \`DIV.onscroll\`, the users table's scroll handler and the
  rows it builds; \`ResizeObserverCallback\`, floating-ui placing an open popover (Filters, the
  action menu); \`FrameRequestCallback\`, a \`requestAnimationFrame\` callback; \`BODY.onclick\`,
  Svelte's delegated click handler. Bundle file names change with every build.
- **p95**: nearest rank over all samples of the scenario; with three runs, p95 is the slowest.
- **create demo workspace**: Settings → the size → "Reset to demo data" → the confirm button's click
  until "The workspace now holds N demo users."
- **open app → first rows**: navigation start until the first data row is in the DOM.
- **search keystroke**: with "ma" in the search box, "r" and Backspace in turn (50 keys; 10 quick);
  from the key event's time stamp (when the browser took the key, so a key that waited behind a busy
  main thread counts its wait) to the table answering.
- **typing a name, per key**: a surname read from the table (5–9 letters; each run reads one at
  another depth of the table, so each run types another name), typed letter by letter from the
  empty box, one key every 110 ms; each key from its time stamp to the first table answer after
  the page handled it. A key whose answer the next key superseded waits for the next answer
  shown, as the person does.
- **search matching nobody**: a word that matches no one inserted into the empty box at once
  (one \`input\` event, as a paste); from that event to the table answering, then "No users match"
  is checked.
- **filter change**: ticking User type: Regular in the Filters panel until the table answers (then
  unticked, not timed).
- **filter: tick/untick Status: Active**: in the same panel, ticking Status: Active, then unticking
  it, each until the table answers (two samples a run).
- **sort**: clicking the Email column's sort button until the table answers.
- **scroll by wheel / by flings: frame**: over the whole directory, the mouse over the rows. Wheel:
  100 px notches every 80 ms (40 a run; 15 quick), as a person turns a wheel. Flings: 12 wheel
  events of 1,500 px 16 ms apart, then 400 ms still (5 a run; 2 quick). The figures are
  \`requestAnimationFrame\` deltas in the page from the first event until 500 ms after the last
  (median = p50); frames after which a row still loading ("Loading…") was in view are counted
  too (checked in a task after each frame, so the check forces no layout inside the frame).
- **open a user's page**: clicking a name in the table until the page's heading is that name and
  its history says how many operations changed the user (or "No changes yet"). The page must not
  reload (checked). Back through "← Users", not timed.
- **action menu: every count shown**: every active user selected (Filters: Status = Active, "Select
  all N users matching", about 60 %), then "Choose an action…" until the menu lists its actions and
  nothing in it says "Counting…".
- **action preview: field changes**: from that menu, Update profile fields → Time zone: Set to…
  Africa/Abidjan (Africa/Accra every second run) → "Preview" until "Applies to N users" and the list of
  field changes show. Cancelled, not applied.
- **export all users (Muster CSV)**: the whole directory, "Export these users" → the "Muster CSV"
  item's click until the page hands the file to the browser's download (its \`<a download>\`
  click; Playwright's \`download\` event is awaited too). Progress counts as shown when a progress
  bar or a button or status ending "… N%" appears before the download.
- **select all matching / menu + preview / bulk apply**: Status = Active (then Inactive on the next
  run, so every run changes data): "Select all N users matching" until "N users selected"; "Choose
  an action…" until Deactivate (Activate) is offered, its click until "Applies to"; "Apply to" until
  "Done.".
- **upload**: a CSV as big as the directory, built from its own export: about 10 % new users, 30 %
  changed in one to three fields, 0.5 % invalid emails and 0.2 % duplicate emails; each run changes
  other values. From the file input's \`change\` (a file on disk, read by Chromium) until "Preview
  of …", then "Apply N changes" until "Done.".
- **revert upload**: the newest operation's report → "Revert…" until "Reverts N users", then the
  revert until "Reverted." (at most three runs; each reverts the one before).
- **floors**: right after the scenarios, in the same page: Muster's own user chunks written, read,
  and read-modified-written with plain IndexedDB in one transaction, and papaparse alone parsing the
  last upload file in a worker. Ratios divide the scenario's median by the floor's median.
- **heap**: the page's \`performance.memory\`; the engine worker's is V8's own figure, asked through
  the DevTools protocol after a full garbage collection (\`HeapProfiler.collectGarbage\`, then
  \`Runtime.getHeapUsage\`): what the engine keeps, not what it has yet to collect.

The machine is shared (2 cores, other sessions building and testing), so each section notes the
load average before and after its run; figures move with it, the ratios to the same run's floors
much less.

${runs.map(section).join('\n\n')}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (n, d) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
  // --readme: rewrite README.md from the stored results-<users>.json, without running anything.
  if (args.includes('--readme')) {
    const stored = fs.readdirSync(here).filter((f) => /^results-\d+\.json$/.test(f)).map((f) => JSON.parse(fs.readFileSync(path.join(here, f), 'utf8')));
    if (!stored.length) throw new Error('no bench/results-<users>.json to write the README from');
    fs.writeFileSync(path.join(here, 'README.md'), readme(stored.sort((a, b) => b.users - a.users)[0]));
    process.exit(0);
  }
  await runBench({ users: Number(opt('users', 100000)), runs: Number(opt('runs', 5)), quick: args.includes('--quick'), write: !args.includes('--no-write') });
}
