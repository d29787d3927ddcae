import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The page's code (routes, components, state, client, the service worker) must not reach zod:
 * the domain's schemas run in the engine's worker only (DESIGN.md). This walks the static import
 * graph from every page-side file, as the bundler would, without building anything. `import type`
 * is erased and ignored; any other import, even `import { type X }`, counts as a runtime edge.
 * The build has its own check on the emitted chunks (scripts/check-bundle.mjs).
 */
const root = path.resolve(__dirname, '../../..');
const src = path.join(root, 'src');
const PAGE_DIRS = ['src/routes', 'src/lib/components', 'src/lib/state', 'src/lib/client'];
const PAGE_FILES = ['src/service-worker.ts'];
const FORBIDDEN = new Set(['zod']);

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(p);
    return /\.(ts|js|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The script blocks of a Svelte component, or the whole file. */
function scriptOf(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Module specifiers this file loads at run time (static and dynamic imports, re-exports). */
export function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, scriptOf(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) out.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A project file for a specifier, a bare package name, or null (SvelteKit's $app, assets, ?worker…). */
function resolve(from: string, spec: string): { file: string } | { pkg: string } | null {
  if (spec.includes('?')) return null;
  let base: string;
  if (spec === '$lib' || spec.startsWith('$lib/')) base = path.join(src, 'lib', spec.slice(4));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else if (spec.startsWith('$')) return null;
  else return { pkg: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0] };
  for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return { file: candidate };
  }
  // A .ts file imported as .js (TypeScript's convention).
  if (base.endsWith('.js') && fs.existsSync(base.replace(/\.js$/, '.ts'))) return { file: base.replace(/\.js$/, '.ts') };
  return null;
}

/** Every import by which a page file reaches a forbidden package: "page file → module (→ … → zod)". */
function forbiddenEdges(): string[] {
  const isPage = (f: string) => PAGE_DIRS.some((d) => f.startsWith(path.join(root, d) + path.sep)) || PAGE_FILES.some((p) => f === path.join(root, p));
  const edges = new Map<string, ({ file: string } | { pkg: string })[]>();
  const queue = [...PAGE_DIRS.flatMap((d) => listFiles(path.join(root, d))), ...PAGE_FILES.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f))];
  while (queue.length) {
    const file = queue.shift()!;
    if (edges.has(file)) continue;
    const targets = runtimeImports(file).flatMap((spec) => resolve(file, spec) ?? []);
    edges.set(file, targets);
    for (const t of targets) if ('file' in t && !edges.has(t.file)) queue.push(t.file);
  }
  // One path from a module to a forbidden package, or null when it reaches none.
  const via = new Map<string, string[] | null>();
  const pathToForbidden = (file: string): string[] | null => {
    if (via.has(file)) return via.get(file)!;
    via.set(file, null); // cycles reach nothing new
    for (const t of edges.get(file) ?? []) {
      const rest = 'pkg' in t ? (FORBIDDEN.has(t.pkg) ? [t.pkg] : null) : pathToForbidden(t.file);
      if (rest) {
        via.set(file, ['pkg' in t ? t.pkg : path.relative(root, t.file), ...('pkg' in t ? [] : rest)]);
        break;
      }
    }
    return via.get(file)!;
  };
  const found: string[] = [];
  for (const [file, targets] of edges) {
    if (!isPage(file)) continue;
    for (const t of targets) {
      if ('file' in t && isPage(t.file)) continue; // that file is reported for its own imports
      const rest = 'pkg' in t ? (FORBIDDEN.has(t.pkg) ? [t.pkg] : null) : pathToForbidden(t.file);
      if (rest) found.push([path.relative(root, file), ...('pkg' in t ? rest : [path.relative(root, t.file), ...rest])].join(' → '));
    }
  }
  return found.sort();
}

describe('the page bundle', () => {
  it('reads import declarations as the bundler does', () => {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zod-free-')), 'x.svelte');
    fs.writeFileSync(
      tmp,
      `<script module lang="ts">export { a } from './a';</script>
<script lang="ts">
  import type { T } from './types';
  import { type U } from './mixed';
  import { v } from '$lib/v';
  export type { W } from './w';
  const later = () => import('./lazy');
</script>`
    );
    expect(runtimeImports(tmp).sort()).toEqual(['$lib/v', './a', './lazy', './mixed']);
    fs.rmSync(path.dirname(tmp), { recursive: true });
  });

  it('reaches no module that imports zod: labels and constants come from zod-free domain modules', () => {
    expect(forbiddenEdges()).toEqual([]);
  });
});
