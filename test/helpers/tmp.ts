import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A file's content, or a symbolic link to create instead of a file. */
export type TempEntry = string | Uint8Array | { symlink: string };

/** Relative path (forward slashes) to content. Parent folders are created as needed. */
export type TempFiles = Record<string, TempEntry>;

const created = new Set<string>();

/** Creates a fresh folder under the OS temp folder, fills it from `files`, and returns its absolute path. */
export function makeTempDir(files: TempFiles = {}, prefix = 'palisade-test-'): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.add(root);
  writeTempFiles(root, files);
  return root;
}

/** Writes (or overwrites) files and symbolic links inside an existing folder. */
export function writeTempFiles(root: string, files: TempFiles): void {
  for (const [relative, entry] of Object.entries(files)) {
    const target = path.join(root, ...relative.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof entry === 'object' && 'symlink' in entry) {
      rmSync(target, { force: true });
      symlinkSync(entry.symlink, target);
    } else {
      writeFileSync(target, entry);
    }
  }
}

/** Removes every folder made by makeTempDir; call it from afterEach or afterAll. */
export function removeTempDirs(): void {
  for (const root of created) {
    try {
      rmSync(root, { recursive: true, force: true });
    } catch {
      // A test may have left a folder without permissions (chmod 000): restore them, then retry.
      restorePermissions(root);
      rmSync(root, { recursive: true, force: true });
    }
    created.delete(root);
  }
}

function restorePermissions(folder: string): void {
  chmodSync(folder, 0o755);
  for (const child of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, child.name);
    if (child.isDirectory()) restorePermissions(full);
    else if (!child.isSymbolicLink()) chmodSync(full, 0o644);
  }
}
