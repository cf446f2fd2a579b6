import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { compileWat, renderWasmModule } from '../../scripts/wasm-source.js';

describe('the prefilter WebAssembly module', () => {
  it('is what prefilter.wat compiles to (run npm run build:wasm after editing it)', async () => {
    const bytes = await compileWat(readFileSync(packagePath('scanners/secrets/prefilter.wat'), 'utf8'));
    expect(readFileSync(packagePath('scanners/secrets/prefilter-wasm.ts'), 'utf8')).toBe(
      renderWasmModule('prefilter.wat', bytes),
    );
  });
});
