import { loadRules, type RuleSelection } from '../rules/registry.js';
import type { Rule } from '../rules/types.js';
import { initTerraformParser } from '../terraform/index.js';
import type { InventoryEntry } from './inventory.js';
import { addUnitResult, processUnit, type UnitResult, type UnitSettings } from './process-unit.js';
import { unitKey } from './units.js';

export interface WorkerTask {
  units: InventoryEntry[][];
  selection: RuleSelection;
  settings: UnitSettings;
}

let cached: { key: string; rules: Promise<Rule[]> } | undefined;

/** Processes a batch of units in a worker thread; rules are loaded once per worker. */
export default async function processBatch(task: WorkerTask): Promise<UnitResult> {
  const key = JSON.stringify(task.selection);
  if (cached?.key !== key) cached = { key, rules: loadRules(task.selection) };
  const rules = await cached.rules;
  // Parsing is synchronous once the grammar is loaded (once per worker thread).
  if (task.units.some((unit) => unitKey(unit[0]?.path ?? '').startsWith('tf:')))
    await initTerraformParser().catch(() => undefined);
  const total: UnitResult = { findings: [], errors: [], files: 0, bytes: 0 };
  for (const unit of task.units) addUnitResult(total, processUnit(unit, rules, task.settings));
  return total;
}
