/** Shared by the cloud import tests: reading fixtures and collecting problems. */
import { readFileSync } from 'node:fs';
import {
  type CloudInventoryProblem,
  type ReadCloudInventoryOptions,
  readCloudInventory,
} from '../../scanners/cloud/inventory.js';
import type { CloudImport, CloudResource } from '../../scanners/cloud/model.js';
import { packagePath } from '../../scanners/core/package.js';

export const FIXTURES = 'test/fixtures/cloud';
export const DEMO = 'server/demo/cloud';

export function fixtureText(relative: string): string {
  return readFileSync(packagePath(relative), 'utf8');
}

/** Reads a file from the package with the importers; returns the imports and every problem reported. */
export function readFixture(
  relative: string,
  options: Omit<ReadCloudInventoryOptions, 'onProblem'> = {},
): { imports: CloudImport[]; problems: CloudInventoryProblem[] } {
  return readText(fixtureText(relative), relative, options);
}

export function readText(
  text: string,
  fileName: string,
  options: Omit<ReadCloudInventoryOptions, 'onProblem'> = {},
): { imports: CloudImport[]; problems: CloudInventoryProblem[] } {
  const problems: CloudInventoryProblem[] = [];
  const imports = readCloudInventory(text, fileName, { ...options, onProblem: (p) => problems.push(p) });
  return { imports, problems };
}

export function resourceOf(imports: CloudImport[], uid: string): CloudResource {
  const resource = imports.flatMap((i) => i.resources).find((r) => r.uid === uid);
  if (!resource) throw new Error(`no resource ${uid}`);
  return resource;
}

/** `provider account: resources/checks` per import, for compact assertions on the split. */
export function accountsOf(imports: CloudImport[]): string[] {
  return imports.map((i) => `${i.provider} ${i.accountId}: ${i.resources.length}/${i.checks.length}`);
}
