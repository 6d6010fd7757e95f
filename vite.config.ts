/**
 * Builds the browser client (client/) into dist/client, which server/app.ts serves. In development
 * (`npx vite`) the API is proxied to the server on its usual port.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Cytoscape.js and its layouts are one large, necessary chunk.
    chunkSizeWarningLimit: 2000,
  },
  // The layout worker (client/src/graph/layoutWorker.ts) is an ES module, as it is created.
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
