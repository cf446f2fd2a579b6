/**
 * Stands in for `jiti` in the action bundle (see actions/build.ts): jiti loads its Babel transform from a
 * file beside its own, which a single-file bundle does not have. Custom rule modules are loaded with the
 * runtime's own import() instead: `.js` and `.mjs` everywhere, and `.ts`/`.mts` on node24, which strips types.
 */
import { pathToFileURL } from 'node:url';

export function createJiti(_base: string, _options?: unknown) {
  return {
    async import<T>(file: string, options?: { default?: boolean }): Promise<T> {
      const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
      return (options?.default ? (loaded.default ?? loaded) : loaded) as T;
    },
  };
}
