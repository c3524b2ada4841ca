/**
 * Builds the dashboard into dashboard/dist, which the FieldTrail server serves at `/`.
 * JSX goes through Vite's built-in oxc transform (no React plugin needed).
 * `npm run dev:dashboard` serves it with hot reload and proxies /graphql to a running server.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Cytoscape (the diagram) is loaded only on a field page, as its own chunk.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/graphql': process.env.FIELDTRAIL_URL ?? 'http://127.0.0.1:4000' },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
