import { type KindDefinition, KindRegistry } from '../model/kinds.js';
import { AWS_KINDS } from './aws/index.js';
import { AZURE_KINDS } from './azure/index.js';
import { GOOGLE_KINDS } from './google/index.js';

/** Every built-in kind definition. */
export const BUILTIN_KINDS: KindDefinition[] = [...AWS_KINDS, ...AZURE_KINDS, ...GOOGLE_KINDS];

let registry: KindRegistry | undefined;

/** The registry of built-in kinds, compiled once per process. */
export function builtinKinds(): KindRegistry {
  registry ??= new KindRegistry(BUILTIN_KINDS);
  return registry;
}
