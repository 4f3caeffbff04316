import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { ROOT, type App } from './harness';

/**
 * Builds both pages (the race links to the landscape page, which links back) into `outDir` and
 * serves them with `vite preview` on a free port. harness.ts's buildAndServe builds the race
 * page alone.
 */
export async function buildAndServeBoth(outDir: string): Promise<App> {
  const input = { main: resolve(ROOT, 'index.html'), landscape: resolve(ROOT, 'landscape.html') };
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { input } },
  });
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const { port } = server.httpServer.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((res) => server.httpServer.close(() => res())),
  };
}
