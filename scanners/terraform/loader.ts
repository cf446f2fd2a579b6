import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineIndex } from '../core/source.js';
import type { SourceFile } from '../parsers/source-file.js';
import type { HclFile } from './ast.js';
import { parseTerraformText } from './parse-file.js';

/** Module files larger than this are not read (the inventory's default limit is of the same order). */
const MAX_MODULE_FILE_BYTES = 4 * 1024 * 1024;
/** A module folder with more Terraform files than this is not loaded. */
const MAX_MODULE_FILES = 500;

/** Module files shared by many folders are parsed once per thread (parsed files are never modified). */
const MAX_CACHED_FILES = 2000;
const parsedModuleFiles = new Map<
  string,
  { mtimeMs: number; size: number; path: string; file: HclFile; source: SourceFile }
>();

export interface LoadedModule {
  /** Relative to the scan root, forward slashes. */
  dir: string;
  files: HclFile[];
  /** The files as SourceFiles, so findings in them get snippets and honour suppressions. */
  sources: SourceFile[];
}

export type LoadResult = { module: LoadedModule } | { refused: string } | { missing: true };

/**
 * Reads local module folders (`source = "./modules/s3"`) with the inventory's safety: the real path of the
 * folder and of every file must be inside the scan root; links out of it are refused. Folders are parsed
 * once per unit.
 */
export class ModuleLoader {
  private readonly cache = new Map<string, LoadResult>();
  private readonly realRoot: string | undefined;

  constructor(private readonly root: string | undefined) {
    try {
      this.realRoot = root ? realpathSync(root) : undefined;
    } catch {
      this.realRoot = undefined;
    }
  }

  /** The module folders read so far. */
  loadedModules(): LoadedModule[] {
    return [...this.cache.values()].flatMap((result) => ('module' in result ? [result.module] : []));
  }

  /** Loads the module at `relativeDir` (relative to the scan root, possibly with `..` segments). */
  load(relativeDir: string): LoadResult {
    const { root, realRoot } = this;
    // Without a scan root (an API caller evaluating loose files) modules are unknown, as remote ones are.
    if (!root || !realRoot) return { missing: true };
    const normal = path.posix.normalize(relativeDir);
    if (normal === '..' || normal.startsWith('../') || path.posix.isAbsolute(normal))
      return { refused: `module folder ${relativeDir} is outside the scanned folder; not read` };
    const absolute = path.join(root, normal);
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      return { missing: true };
    }
    const cached = this.cache.get(real);
    if (cached) return cached;
    const result = this.read(normal, absolute, real, realRoot);
    this.cache.set(real, result);
    return result;
  }

  private read(dir: string, absolute: string, real: string, realRoot: string): LoadResult {
    if (!inside(real, realRoot))
      return { refused: `module folder ${dir} links outside the scanned folder; not read` };
    if (!statSync(real).isDirectory()) return { refused: `module source ${dir} is not a folder` };
    const names = readdirSync(absolute)
      .filter((name) => {
        const lower = name.toLowerCase();
        return lower.endsWith('.tf') || lower.endsWith('.tf.json');
      })
      .sort();
    if (names.length > MAX_MODULE_FILES) return { refused: `module folder ${dir} has too many files` };
    const module: LoadedModule = { dir, files: [], sources: [] };
    for (const name of names) {
      const fileAbsolute = path.join(absolute, name);
      const relative = dir === '.' ? name : `${dir}/${name}`;
      let fileReal: string;
      try {
        fileReal = realpathSync(fileAbsolute);
      } catch {
        continue;
      }
      // A file linked from outside the root is never read, as in the inventory.
      if (!inside(fileReal, realRoot)) continue;
      const stat = lstatSync(fileReal);
      if (!stat.isFile() || stat.size > MAX_MODULE_FILE_BYTES) continue;
      const cached = parsedModuleFiles.get(fileReal);
      if (
        cached &&
        cached.mtimeMs === stat.mtimeMs &&
        cached.size === stat.size &&
        cached.path === relative
      ) {
        module.files.push(cached.file);
        module.sources.push(cached.source);
        continue;
      }
      const buffer = readFileSync(fileReal);
      if (buffer.subarray(0, 8000).includes(0)) continue;
      let text = buffer.toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const lines = new LineIndex(text);
      let file: HclFile;
      try {
        file = parseTerraformText(relative, text, lines, 'terraform');
      } catch {
        // A malformed module file is reported by its own folder's unit; the rest of the module still counts.
        continue;
      }
      const source: SourceFile = { path: relative, format: 'terraform', text, lines, documents: [] };
      module.files.push(file);
      module.sources.push(source);
      if (parsedModuleFiles.size >= MAX_CACHED_FILES) parsedModuleFiles.clear();
      parsedModuleFiles.set(fileReal, {
        mtimeMs: stat.mtimeMs,
        size: stat.size,
        path: relative,
        file,
        source,
      });
    }
    return { module };
  }
}

function inside(real: string, realRoot: string): boolean {
  return real === realRoot || real.startsWith(realRoot + path.sep);
}
