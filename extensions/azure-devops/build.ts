/**
 * Bundles the Azure Pipelines task into tasks/palisade/dist/: one ESM file with everything it imports, the
 * wasm files it loads, the JSON schemas the scanner reads at run time, and a package.json that makes Node
 * load index.js as ESM and gives the scanner its version. Hosted agents (Windows included) run it as is.
 * `npm run build:azure-devops` writes the committed folder; `tsx extensions/azure-devops/build.ts <folder>`
 * writes elsewhere (the staleness test compares the two byte for byte).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWithWasm, repository } from '../../scripts/bundle.js';

export const TASK_DIST = path.join(repository, 'extensions/azure-devops/tasks/palisade/dist');

/** Writes the task bundle and its files to `outdir`; returns the bundled input files (repository-relative). */
export async function buildTask(outdir: string): Promise<string[]> {
  const inputs = await bundleWithWasm(outdir, {
    kind: 'task',
    entry: 'extensions/azure-devops/src/index.ts',
    sourceFolder: 'extensions',
    // CommonJS dependencies (the task library, the REST client) call require() and read __dirname.
    banner: [
      "import { createRequire as __palisadeRequire } from 'node:module';",
      "import { fileURLToPath as __palisadeFileUrl } from 'node:url';",
      'const require = __palisadeRequire(import.meta.url);',
      'const __filename = __palisadeFileUrl(import.meta.url);',
      "const __dirname = __palisadeFileUrl(new URL('.', import.meta.url));",
    ].join('\n'),
  });
  const schemas = path.join(repository, 'schemas');
  mkdirSync(path.join(outdir, 'schemas'));
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
  return inputs;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildTask(path.resolve(process.argv[2] ?? TASK_DIST));
}
