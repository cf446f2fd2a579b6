/**
 * Bundles the GitHub Action into one ESM file with the wasm files it loads next to it:
 * `npm run build:action` writes dist/action/; `tsx actions/build.ts <folder>` writes elsewhere (the staleness
 * test compares the two byte for byte, so the output must depend on the sources only).
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Packages the bundle must never hold: native addons (cannot be bundled) and server-only code. */
const FORBIDDEN = /^(re2|better-sqlite3|@node-rs\/argon2|pg|fastify|kysely|probot)(\/|$)/;

const guard: Plugin = {
  name: 'palisade-action-guard',
  setup(builder) {
    builder.onResolve({ filter: FORBIDDEN }, (args) => ({
      errors: [{ text: `${args.path} must not be in the action bundle (imported by ${args.importer})` }],
    }));
    builder.onResolve({ filter: /\/server\// }, (args) =>
      args.importer.includes(`${path.sep}scanners${path.sep}`) ||
      args.importer.includes(`${path.sep}actions${path.sep}`)
        ? { errors: [{ text: `server code must not be in the action bundle: ${args.path}` }] }
        : undefined,
    );
  },
};

/** Writes the bundle and its wasm files to `outdir`; returns the bundled input files (repository-relative). */
export async function buildAction(outdir: string): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: repository,
    entryPoints: [path.join(repository, 'actions/index.ts')],
    outfile: path.join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    // ESM builds first: UMD builds (jsonc-parser) hide their requires from the bundler.
    mainFields: ['module', 'main'],
    format: 'esm',
    // node24 runs it on GitHub; node20 syntax keeps the tests runnable on the Node 20 the project develops on.
    target: 'node20',
    // CommonJS dependencies call require(); an ESM bundle has none of its own.
    banner: {
      js: "import { createRequire as __palisadeRequire } from 'node:module';\nconst require = __palisadeRequire(import.meta.url);",
    },
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    // jiti needs files beside its own at run time; the runtime's import() loads custom rule modules instead.
    alias: { jiti: './actions/native-import.ts' },
    plugins: [guard],
    metafile: true,
  });
  const wasm = [
    require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    path.join(
      path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')),
      'tree-sitter-terraform.wasm',
    ),
  ];
  for (const file of wasm) copyFileSync(file, path.join(outdir, path.basename(file)));
  return Object.keys(result.metafile.inputs).sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAction(path.resolve(process.argv[2] ?? path.join(repository, 'dist/action')));
}
