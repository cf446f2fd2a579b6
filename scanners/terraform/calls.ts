import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InventoryEntry } from '../engine/inventory.js';

/** A Terraform configuration file, native or JSON syntax. */
const TERRAFORM_FILE = /\.tf(\.json)?$/i;

/** `source = "./x"` (native) or `"source": "./x"` (JSON): a call of a local module. */
const LOCAL_SOURCE = /(?:^|[\s{,])"?source"?\s*[=:]\s*"(\.\.?\/[^"\n]*)"/gm;

/** The local module sources (`./x`, `../x`) a Terraform file calls, as written, unresolved. */
export function localModuleSources(text: string): string[] {
  if (!text.includes('source')) return [];
  return Array.from(text.matchAll(LOCAL_SOURCE), (match) => match[1] as string);
}

/**
 * Which Terraform folders of a scan are called as local modules by other folders of the same scan: callee
 * folder → caller folders. A called folder is evaluated through its callers (with their arguments), not on
 * its own, as Terraform never applies it alone. Found by a quick look at the text, before parsing.
 */
export function terraformModuleCalls(units: InventoryEntry[][]): Map<string, Set<string>> {
  const folders = new Map<string, InventoryEntry[]>();
  for (const unit of units) {
    const first = unit[0];
    if (!first || !unit.some((e) => TERRAFORM_FILE.test(e.path))) continue;
    folders.set(path.posix.dirname(first.path), unit);
  }
  const calls = new Map<string, Set<string>>();
  if (folders.size < 2) return calls;
  for (const [dir, entries] of folders) {
    for (const entry of entries) {
      if (!TERRAFORM_FILE.test(entry.path)) continue;
      let text: string;
      try {
        text = readFileSync(entry.absolute, 'utf8');
      } catch {
        continue;
      }
      for (const source of localModuleSources(text)) {
        const callee = path.posix.normalize(path.posix.join(dir, source)).replace(/\/$/, '');
        if (callee === dir || !folders.has(callee)) continue;
        const callers = calls.get(callee);
        if (callers) callers.add(dir);
        else calls.set(callee, new Set([dir]));
      }
    }
  }
  return calls;
}

/** Unit keys plus the keys of every folder that calls one of them, directly or through other modules. */
export function withModuleCallers(keys: Set<string>, calls: Map<string, Set<string>>): Set<string> {
  const result = new Set(keys);
  const queue = [...keys];
  while (queue.length) {
    const key = queue.pop() as string;
    if (!key.startsWith('tf:')) continue;
    for (const caller of calls.get(key.slice(3)) ?? []) {
      const callerKey = `tf:${caller}`;
      if (!result.has(callerKey)) {
        result.add(callerKey);
        queue.push(callerKey);
      }
    }
  }
  return result;
}
