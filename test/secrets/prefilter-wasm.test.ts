import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { compileWat, renderWasmModule, WASM_MODULES } from '../../scripts/wasm-source.js';

describe('the WebAssembly modules', () => {
  it.each(WASM_MODULES)(
    '$target is what $source compiles to (run npm run build:wasm after editing it)',
    async ({ source, target, name }) => {
      const bytes = await compileWat(readFileSync(packagePath(source), 'utf8'));
      expect(readFileSync(packagePath(target), 'utf8')).toBe(
        renderWasmModule(path.basename(source), name, bytes),
      );
    },
  );
});
