/**
 * Bundles the GitHub Action into one ESM file with the wasm files it loads next to it:
 * `npm run build:action` writes dist/action/; `tsx actions/build.ts <folder>` writes elsewhere (the staleness
 * test compares the two byte for byte, so the output must depend on the sources only).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWithWasm, repository } from '../scripts/bundle.js';

/** Writes the bundle and its wasm files to `outdir`; returns the bundled input files (repository-relative). */
export async function buildAction(outdir: string): Promise<string[]> {
  return bundleWithWasm(outdir, {
    kind: 'action',
    entry: 'actions/index.ts',
    sourceFolder: 'actions',
    // CommonJS dependencies call require(); an ESM bundle has none of its own.
    banner:
      "import { createRequire as __palisadeRequire } from 'node:module';\nconst require = __palisadeRequire(import.meta.url);",
    // jiti needs files beside its own at run time; the runtime's import() loads custom rule modules instead.
    alias: { jiti: './actions/native-import.ts' },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAction(path.resolve(process.argv[2] ?? path.join(repository, 'dist/action')));
}
