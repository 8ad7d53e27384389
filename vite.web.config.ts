// The browser build of the renderer, served by the HTTP server at `/` (headless and desktop alike).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: '/',
  plugins: [react()],
  build: { outDir: '../../out/web', emptyOutDir: true, sourcemap: true },
});
