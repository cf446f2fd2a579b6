/**
 * Compiles scanners/secrets/prefilter.wat with wabt into scanners/secrets/prefilter-wasm.ts (the module's
 * bytes as base64), so that the engine and the bundled surfaces load it without a file or a loader.
 * test/secrets/prefilter-wasm.test.ts fails when the two differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { packagePath } from '../scanners/core/package.js';
import { compileWat, renderWasmModule } from './wasm-source.js';

const bytes = await compileWat(readFileSync(packagePath('scanners/secrets/prefilter.wat'), 'utf8'));
writeFileSync(packagePath('scanners/secrets/prefilter-wasm.ts'), renderWasmModule('prefilter.wat', bytes));
console.log('wrote scanners/secrets/prefilter-wasm.ts');
