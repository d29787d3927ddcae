import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: 'es' },
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
