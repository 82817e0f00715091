// SPDX-License-Identifier: EUPL-1.2
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.KETENZICHT_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // The production bundle is served under a strict CSP: no inline scripts, no module preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // One bundle of ≈695 kB (≈212 kB gzipped), mostly React, TanStack and the NL Design System components.
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
    },
  },
});
