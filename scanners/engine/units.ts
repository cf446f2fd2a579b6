import path from 'node:path';
import type { InventoryEntry } from './inventory.js';

/** Terraform is judged a module (a folder) at a time; every other file stands alone. */
export function unitKey(relativePath: string): string {
  const lower = relativePath.toLowerCase();
  const terraform = /\.(tf|tf\.json|tfvars|tfvars\.json)$/.test(lower);
  return terraform ? `tf:${path.posix.dirname(relativePath)}` : `file:${relativePath}`;
}

/** Groups inventory entries into scan units. */
export function groupUnits(entries: InventoryEntry[]): InventoryEntry[][] {
  const units = new Map<string, InventoryEntry[]>();
  for (const entry of entries) {
    const key = unitKey(entry.path);
    const unit = units.get(key);
    if (unit) unit.push(entry);
    else units.set(key, [entry]);
  }
  return [...units.values()];
}

/** Splits units into batches of roughly `targetBytes` (and at most `maxUnits` units) for workers. */
export function batchUnits(
  units: InventoryEntry[][],
  targetBytes: number,
  maxUnits: number,
): InventoryEntry[][][] {
  const batches: InventoryEntry[][][] = [];
  let batch: InventoryEntry[][] = [];
  let bytes = 0;
  for (const unit of units) {
    batch.push(unit);
    bytes += unit.reduce((sum, e) => sum + e.size, 0);
    if (bytes >= targetBytes || batch.length >= maxUnits) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) batches.push(batch);
  return batches;
}
