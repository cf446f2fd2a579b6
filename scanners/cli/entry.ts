/** Runs the CLI from the TypeScript sources (`npx tsx scanners/cli/entry.ts scan .`), without a build. */
import { main } from './main.js';

process.exitCode = await main(process.argv);
