/**
 * Compiles each WebAssembly text source (the prefilter's scan loops, the UTF-8 decoder) with wabt into a
 * TypeScript module that holds its bytes as base64, so that the engine and the bundled surfaces load it
 * without a file or a loader. test/secrets/prefilter-wasm.test.ts fails when a source and its module differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../scanners/core/package.js';
import { compileWat, renderWasmModule, WASM_MODULES } from './wasm-source.js';

for (const { source, target, name } of WASM_MODULES) {
  const bytes = await compileWat(readFileSync(packagePath(source), 'utf8'));
  writeFileSync(packagePath(target), renderWasmModule(path.basename(source), name, bytes));
  console.log(`wrote ${target}`);
}
