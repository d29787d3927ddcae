// Runs every end-to-end test file with node's test runner, one at a time (two cores, one Chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
if (!fs.existsSync(path.join(root, 'build', 'index.html'))) {
  console.error('No built site: run "npm run build" first.');
  process.exit(1);
}
if (!fs.existsSync('/usr/bin/chromium')) {
  console.error('Chromium is missing: apt-get update && apt-get install -y chromium');
  process.exit(1);
}
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.e2e.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => path.join(here, f));
const res = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root
});
process.exit(res.status ?? 1);
