// The browser build of the renderer, served by the HTTP server at `/` (headless and desktop alike).
// The board's first load is the entry chunk and its preloads; dialogs, the modal's tabs, the bell's list,
// the remote panel and the operation table (zod) load later (docs/UI.md, "Loading").
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../out/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // zod gets a chunk named after it (it would be named after whichever module shares it first).
      output: { codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]/ }] } },
    },
  },
});
