/** Entry point of the bundled task (tasks/palisade/index.js). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTerraformGrammarPath } from '../../../scanners/terraform/parser.js';
import { run } from './main.js';

// The bundle ships no native addons: secrets use the portable re2js engine, whatever the environment says.
process.env.PALISADE_REGEX_ENGINE = 're2js';
// The task folder has no node_modules: the build copies the grammar next to the bundle.
const grammar = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tree-sitter-terraform.wasm');
if (existsSync(grammar)) setTerraformGrammarPath(grammar);
await run();
