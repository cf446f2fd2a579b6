/** Palisade's public API: one scan() for every surface, the finding model, rules and reporters. */
export type { ConfigFile, PalisadeConfig } from './config/config.js';
export { defaultConfig, findConfigFile, loadConfigFile, parseConfig } from './config/config.js';
export { FileError, UsageError } from './core/errors.js';
export { VERSION } from './core/package.js';
export * from './core/types.js';
export { type ScanOptions, scan } from './engine/scan.js';
export { type Baseline, createBaseline, readBaseline, writeBaseline } from './postprocess/baseline.js';
export * from './rules/api.js';
export { loadRules } from './rules/registry.js';
