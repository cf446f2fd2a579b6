/** Regenerates rules/index.ts and the rule reference in docs/ from the rule folders. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../scanners/core/package.js';
import { findRuleFolders, renderRuleIndex } from '../scanners/rules/rule-index.js';

const rulesRoot = packagePath('rules');
writeFileSync(path.join(rulesRoot, 'index.ts'), renderRuleIndex(findRuleFolders(rulesRoot)));
// Imported after the index is written, so the reference describes the fresh index.
const { renderRuleReference } = await import('../scanners/rules/reference.js');
writeFileSync(packagePath('docs/rules.md'), renderRuleReference());
console.log('wrote rules/index.ts and docs/rules.md');
