// Builds the desktop app: main (ESM, Node deps external), preload (CommonJS, sandbox-safe), renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // `dependencies` (better-sqlite3, fastify, zod …) stay external and load from node_modules
      // (better-sqlite3's .node file is unpacked from the asar, see electron-builder.yml).
      externalizeDeps: true,
      // search-worker: the search indexer's thread, started beside index.js (core/search/client.ts).
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          'search-worker': resolve(import.meta.dirname, 'src/core/search/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot `require` npm packages: bundle everything it imports.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // Sandboxed preloads must be CommonJS; `.cjs` because package.json says "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // Relative asset URLs: the same bundle loads from app://mission-control/ and from the server.
    base: './',
    build: {
      outDir: 'out/renderer',
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
        // As in vite.web.config.ts: zod's chunk is named after it.
        output: { codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]/ }] } },
      },
    },
    plugins: [react()],
  },
});
