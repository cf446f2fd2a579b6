/**
 * The esbuild set-up shared by the GitHub Action (actions/build.ts) and the Azure Pipelines task
 * (extensions/azure-devops/build.ts): one ESM file for Node 20+ with the wasm files the scanner loads beside
 * it. The output must depend on the sources only (the staleness tests rebuild and compare byte for byte).
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Packages a bundle must never hold: native addons (cannot be bundled) and server-only code. */
const FORBIDDEN = /^(re2|better-sqlite3|@node-rs\/argon2|pg|fastify|kysely|probot)(\/|$)/;

export interface BundleOptions {
  /** What the bundle is called in errors: `action` or `task`. */
  kind: string;
  /** Repository-relative entry point. */
  entry: string;
  /** Repository-relative folder of the bundle's own sources; neither it nor scanners/ may import server code. */
  sourceFolder: string;
  /** Code put before the bundle (the require/__dirname shims its CommonJS dependencies need). */
  banner: string;
  alias?: Record<string, string>;
}

function guard({ kind, sourceFolder }: BundleOptions): Plugin {
  return {
    name: `palisade-${kind}-guard`,
    setup(builder) {
      builder.onResolve({ filter: FORBIDDEN }, (args) => ({
        errors: [{ text: `${args.path} must not be in the ${kind} bundle (imported by ${args.importer})` }],
      }));
      builder.onResolve({ filter: /\/server\// }, (args) =>
        args.importer.includes(`${path.sep}scanners${path.sep}`) ||
        args.importer.includes(`${path.sep}${sourceFolder}${path.sep}`)
          ? { errors: [{ text: `server code must not be in the ${kind} bundle: ${args.path}` }] }
          : undefined,
      );
    },
  };
}

/**
 * Empties `outdir` and writes `index.js` and the wasm files to it; returns the bundled input files
 * (repository-relative, sorted).
 */
export async function bundleWithWasm(outdir: string, options: BundleOptions): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: repository,
    entryPoints: [path.join(repository, options.entry)],
    outfile: path.join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    // ESM builds first: UMD builds (jsonc-parser) hide their requires from the bundler.
    mainFields: ['module', 'main'],
    format: 'esm',
    // Hosts run newer Node; node20 syntax keeps the tests runnable on the Node 20 the project develops on.
    target: 'node20',
    banner: { js: options.banner },
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    ...(options.alias ? { alias: options.alias } : {}),
    plugins: [guard(options)],
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
