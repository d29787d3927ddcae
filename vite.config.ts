import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Build speed (issue 18, point 4). `vite build` runs two full builds (SvelteKit's server build,
// then its client build from the server build's writeBundle) plus the engine worker's bundle.
//
// 1. bits-ui is imported by its barrel (`import { Popover } from 'bits-ui'`), which re-exports
//    all 40-odd components: without lazy barrels Rolldown loaded and ran the Svelte compiler on
//    420 bits-ui modules in each build to use 6 of them (928 modules a build, 3,800 import
//    resolutions). bits-ui declares `"sideEffects": false`, so Rolldown's lazy barrel loads only
//    the re-exports that are imported (650 modules; the bundles are the same size). The worker's
//    bundle gets it too (faker's and zod's barrels: 300 → 217 modules, same output).
// 2. SvelteKit's guard plugin (no `$lib/server` code in the browser) resolves every import
//    a second time to record the import graph, but only reads that graph in client builds: its
//    `load` hook returns at once for SSR. Kit 3 skips it outside the client (sveltejs/kit#16383,
//    #16388); kit 3 needs Node 22, so the same `applyToEnvironment` is set here.
// 3. What Rolldown's PLUGIN_TIMINGS report still lists after that is the build's own work,
//    timed from inside callbacks that contain it: the Svelte compiler (a JavaScript plugin, so
//    above its 100 × link-time threshold in any Svelte build over 3 s), SvelteKit's writeBundle
//    (one call that runs the whole client build, route analysis, prerendering and the adapter),
//    the worker-import-meta-url transform (one call that bundles the worker), and the guard's
//    resolveId (listed without a time: it only awaits the other resolvers). Nothing in it is
//    actionable, so it is off by default; `BUILD_TIMINGS=1 npm run build` shows it.
const rolldownOptions = {
  experimental: { lazyBarrel: true },
  checks: { bundlerTimings: Boolean(process.env.BUILD_TIMINGS) }
};

async function kit(): Promise<Plugin[]> {
  const plugins = await sveltekit();
  for (const plugin of plugins) {
    if (plugin.name === 'vite-plugin-sveltekit-guard' && !plugin.applyToEnvironment) {
      plugin.applyToEnvironment = (environment) => environment.config.consumer === 'client';
    }
  }
  return plugins;
}

export default defineConfig({
  plugins: [kit()],
  build: { rolldownOptions },
  worker: { format: 'es', rolldownOptions },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'domain+engine',
          environment: 'node',
          include: ['src/lib/{domain,db,worker}/**/*.test.ts'],
          setupFiles: ['tests/setup-node.ts']
        }
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/lib/{components,state,client}/**/*.test.ts'],
          setupFiles: ['tests/setup-dom.ts']
        }
      }
    ]
  }
});
