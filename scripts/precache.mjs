// After `vite build`: list every file of the build for the service worker to cache on the first
// visit (src/service-worker.ts). SvelteKit's own list misses the engine worker's chunks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const skip = new Set(['service-worker.js', 'precache.json']);
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (!skip.has(path.relative(dir, p))) files.push(path.relative(dir, p).split(path.sep).join('/'));
  }
})(dir);
fs.writeFileSync(path.join(dir, 'precache.json'), JSON.stringify(files.sort()));
console.log(`build/precache.json: ${files.length} files for offline use`);
