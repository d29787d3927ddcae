import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The page may check a filter's syntax itself: the filter's import graph must not reach zod. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
}

function reach(entry: string): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (!spec.startsWith('.')) packages.add(spec.split('/')[0]);
      else queue.push(path.resolve(path.dirname(file), `${spec}.ts`));
    }
  }
  return [...packages].sort();
}

describe('the SCIM filter', () => {
  it('loads no zod, only its parser', () => {
    expect(reach(path.join(__dirname, 'filter.ts'))).toEqual(['scim2-parse-filter']);
  });
});
