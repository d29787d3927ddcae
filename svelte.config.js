import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // One build folder works under any path of any static host: hash routes need no rewrite
    // rules, and relative asset paths need no configured base.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    router: { type: 'hash' },
    paths: { relative: true },
    // Registered by the layout (src/lib/client/offline.ts), relative to the page, to show updates.
    serviceWorker: { register: false }
  }
};
