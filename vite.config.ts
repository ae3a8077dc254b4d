import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, normalizePath, type Plugin } from 'vite';
import { TARGETS } from './scripts/build-server.mjs';

// Module ids are /-separated on every OS.
const ROOT = normalizePath(fileURLToPath(new URL('.', import.meta.url)));

/**
 * `npm start` rebuilds the web app only when a file in TARGETS.web.inputs changed; this fails the build when
 * the app starts importing a source file outside them, which would otherwise leave a stale bundle in place.
 */
function onlyWatchedSources(): Plugin {
  const watched = TARGETS.web.inputs.map((p) => ROOT + p);
  return {
    name: 'openkpi-only-watched-sources',
    apply: 'build',
    generateBundle() {
      const outside = [...this.getModuleIds()].filter(
        (id) => id.startsWith(ROOT) && !id.includes('/node_modules/') && !watched.some((w) => id === w || id.startsWith(`${w}/`)),
      );
      if (outside.length > 0) this.error(`the web app imports ${outside.join(', ')}: add its folder to TARGETS.web.inputs in scripts/build-server.mjs`);
    },
  };
}

// The web app lives in src/web; the server serves dist/web with an SPA fallback.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), onlyWatchedSources()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // .vite/manifest.json: the chunk graph (static and lazy imports), read by test/e2e/bundle-budget.test.ts.
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
