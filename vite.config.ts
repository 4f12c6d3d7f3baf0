import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Formats that are compressed already: a .br or .gz of them would only cost disk and a negotiation. */
const COMPRESSED = /\.(br|gz|png|jpe?g|gif|webp|avif|woff2?|zip)$/i;

/** Every file under `dir`, as paths relative to it with forward slashes. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? filesUnder(dir, `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`]),
    ),
  );
  return nested.flat();
}

/**
 * What the wire carries, decided at build time (server/http/static.ts serves it):
 *
 * - the service worker (client/public/sw.js) learns the app shell of this build: index.html, the entry
 *   script with every chunk it imports statically, their CSS and the icons; its version is a hash of those
 *   files, so a build that changes any of them is a new worker, which replaces the old one and its cache;
 * - every file gets a brotli (max quality) and a gzip (level 9) sibling, `x.js.br` and `x.js.gz`, kept only
 *   when smaller than the file itself, so the server never compresses a static file per request.
 */
function wire(): Plugin {
  let outDir = '';
  let shell = new Set<string>();
  return {
    name: 'console-wire',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      shell = new Set(['/index.html', '/favicon.ico', '/icon.svg']);
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk' || shell.has(`/${fileName}`)) return;
        shell.add(`/${fileName}`);
        for (const css of chunk.viteMetadata?.importedCss ?? []) shell.add(`/${css}`);
        chunk.imports.forEach(visit);
      };
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName);
    },
    async closeBundle() {
      const worker = join(outDir, 'sw.js');
      const template = await readFile(worker, 'utf8');
      const files = [...shell].sort();
      // the shell must exist as built (a name in the worker's list that 404s would fail its install), and
      // the worker's version follows what the shell holds, so any change to it installs a new worker
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(await readFile(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 12);
      const injected = template.replace(
        /^const BUILD = .*;$/m,
        `const BUILD = ${JSON.stringify({ version, shell: files })};`,
      );
      if (injected === template)
        throw new Error('client/public/sw.js has no "const BUILD = …;" line to fill');
      await writeFile(worker, injected);

      const all = (await filesUnder(outDir)).filter((f) => !COMPRESSED.test(f));
      await Promise.all(
        all.map(async (f) => {
          const path = join(outDir, f);
          const body = await readFile(path);
          const [br, gzipped] = await Promise.all([
            brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gz(body, { level: 9 }),
          ]);
          if (br.length < body.length) await writeFile(`${path}.br`, br);
          if (gzipped.length < body.length) await writeFile(`${path}.gz`, gzipped);
        }),
      );
    },
  };
}

// One config for the client build (Vite) and the tests (Vitest).
export default defineConfig({
  root: 'client',
  plugins: [react(), wire()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // only the modules named: their imports (the catalog, the store) stay where they were
          includeDependenciesRecursively: false,
          groups: [
            {
              // the small modules every signed-in screen shares, in one file rather than seven: each file on
              // the wire costs its headers and its own compression window (the signed-in first screen is held
              // to 120 KB, test/e2e/console.test.ts)
              name: 'console-shared',
              test: /client\/src\/(logic\/(time|facts)\.ts|components\/(PendingText|Timeline|useInboxTitle)\.tsx?)$|shared\/(engine\/tiers|protocol\/people)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
