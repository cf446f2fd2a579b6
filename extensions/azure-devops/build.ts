/**
 * Bundles the Azure Pipelines task into tasks/palisade/dist/: one ESM file with everything it imports, the
 * wasm files it loads, the JSON schemas the scanner reads at run time, and a package.json that makes Node
 * load index.js as ESM and gives the scanner its version. Hosted agents (Windows included) run it as is.
 * `npm run build:azure-devops` writes the committed folder; `tsx extensions/azure-devops/build.ts <folder>`
 * writes elsewhere (the staleness test compares the two byte for byte).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
export const TASK_DIST = path.join(repository, 'extensions/azure-devops/tasks/palisade/dist');

/** Packages the bundle must never hold: native addons (cannot be bundled) and server-only code. */
const FORBIDDEN = /^(re2|better-sqlite3|@node-rs\/argon2|pg|fastify|kysely|probot)(\/|$)/;

const guard: Plugin = {
  name: 'palisade-task-guard',
  setup(builder) {
    builder.onResolve({ filter: FORBIDDEN }, (args) => ({
      errors: [{ text: `${args.path} must not be in the task bundle (imported by ${args.importer})` }],
    }));
    builder.onResolve({ filter: /\/server\// }, (args) =>
      args.importer.includes(`${path.sep}scanners${path.sep}`) ||
      args.importer.includes(`${path.sep}extensions${path.sep}`)
        ? { errors: [{ text: `server code must not be in the task bundle: ${args.path}` }] }
        : undefined,
    );
  },
};

/** Writes the task bundle and its files to `outdir`; returns the bundled input files (repository-relative). */
export async function buildTask(outdir: string): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(path.join(outdir, 'schemas'), { recursive: true });
  const result = await build({
    absWorkingDir: repository,
    entryPoints: [path.join(repository, 'extensions/azure-devops/src/index.ts')],
    outfile: path.join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    // ESM builds first: UMD builds (jsonc-parser) hide their requires from the bundler.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies (the task library, the REST client) call require() and read __dirname.
    banner: {
      js: [
        "import { createRequire as __palisadeRequire } from 'node:module';",
        "import { fileURLToPath as __palisadeFileUrl } from 'node:url';",
        'const require = __palisadeRequire(import.meta.url);',
        'const __filename = __palisadeFileUrl(import.meta.url);',
        "const __dirname = __palisadeFileUrl(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
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
  const schemas = path.join(repository, 'schemas');
  for (const name of readdirSync(schemas)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    copyFileSync(path.join(schemas, name), path.join(outdir, 'schemas', name));
  }
  const { version } = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as {
    version: string;
  };
  const manifest = { name: 'palisade-azure-pipelines-task', version, private: true, type: 'module' };
  writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return Object.keys(result.metafile.inputs).sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildTask(path.resolve(process.argv[2] ?? TASK_DIST));
}
