#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm run build, or npm ci via prepare, emits build/).
import { main } from '../build/scanners/cli/main.js';

process.exitCode = await main(process.argv);
