import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder with package.json, whether running from source or from build/. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'schemas'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the Palisade package root above ${start}`);
  }
}

/** An absolute path inside the package. */
export function packagePath(relative: string): string {
  return path.join(PACKAGE_ROOT, relative);
}

/** The package version from package.json. */
export const VERSION: string = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')).version;
