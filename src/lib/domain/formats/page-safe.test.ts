import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The page may import this folder (labels, writers): it must not reach zod at run time, nor the
 * engine's schemas and actions (zod-free.test.ts checks the page's whole import graph).
 */
describe('src/lib/domain/formats', () => {
  it('imports only zod-free modules at run time', () => {
    const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of files) {
      const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
      const runtime = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      for (const spec of runtime) {
        expect(spec, file).not.toBe('zod');
        expect(spec, file).not.toMatch(/^\.\.\/(user|actions)(\/|$)/);
      }
    }
  });
});
