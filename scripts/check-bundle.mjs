// After `vite build`: the page's JavaScript must not contain zod. The domain's schemas belong to
// the engine's worker (DESIGN.md); a UI file importing a label from a module that also defines a
// schema pulls all of zod into the page (it did: the entry chunk and four route nodes shared one
// 60 kB chunk of it). Every file outside the worker's own folder is the page's: entry, nodes,
// shared chunks, the service worker. zod's class names are strings ('$ZodType', 'ZodError') that
// minification keeps. src/lib/domain/zod-free.test.ts checks the same rule on the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const build = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build'));
const workers = path.join(build, '_app', 'immutable', 'workers');
const ZOD = /\$Zod[A-Z]\w*|\bZodError\b/;

if (!fs.existsSync(build)) {
  console.error(`check-bundle: no build at ${build}; run vite build first`);
  process.exit(2);
}

const pageFiles = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== workers) walk(p);
    } else if (/\.m?js$/.test(e.name)) pageFiles.push(p);
  }
})(build);

const withZod = pageFiles.filter((f) => ZOD.test(fs.readFileSync(f, 'utf8')));
if (withZod.length) {
  const rel = (f) => path.relative(build, f).split(path.sep).join('/');
  // Name the entry and route chunks that load each offending chunk, to point at the page that imports it.
  const importers = (f) =>
    pageFiles.filter((p) => p !== f && fs.readFileSync(p, 'utf8').includes(path.basename(f))).map(rel);
  console.error('check-bundle: zod is in the page bundle (import labels and types from zod-free domain modules):');
  for (const f of withZod) console.error(`  ${rel(f)}${importers(f).length ? `  ← ${importers(f).join(', ')}` : ''}`);
  process.exit(1);
}
console.log(`check-bundle: ${pageFiles.length} page files, no zod`);
