// After `vite build`: make build/index.html refer to its assets relatively.
// SvelteKit's hash-routing shell computes its base at run time but still writes asset URLs as
// "/_app/…", which breaks when the folder is served under a sub-path (e.g. /tools/muster/).
// Relative URLs let one build folder run from any path of any static host (SPEC §8).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'index.html');
const html = fs.readFileSync(file, 'utf8');
const out = html.replace(/(["'(])\/(_app\/|favicon\.svg|manifest\.webmanifest)/g, '$1./$2');
if (/["']\/_app\//.test(out)) throw new Error('build/index.html still has absolute /_app/ links');
fs.writeFileSync(file, out);
console.log('build/index.html: asset links made relative');
