// The catalog: every page is prerendered from the published records (src/content.config.ts, and
// src/live.config.ts for a skill page's own record); the Node adapter's standalone server is built beside
// the static files so `node <outDir>/server/entry.mjs` self-hosts the same output (PORT and HOST
// respected), serving /api/... with the right content types.
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  // The catalog keeps no per-visitor state.
  session: false,
  trailingSlash: 'ignore',
  // A page waits on reading its record (src/live.config.ts) and on writing its file; rendering a few at
  // once keeps the core busy meanwhile. More buys nothing on two cores and holds more pages in memory.
  build: { format: 'directory', concurrency: 4 },
  // Collapse whitespace the HTML way (one space stays), so inline text around tags keeps its spaces.
  compressHTML: true,
  server: { port: 4321, host: 'localhost' },
  // Bundle every dependency into the server output, so a built site runs from any folder without
  // node_modules beside it (and builds into temp folders can prerender).
  vite: { environments: { ssr: { resolve: { noExternal: true } }, prerender: { resolve: { noExternal: true } } } },
});
