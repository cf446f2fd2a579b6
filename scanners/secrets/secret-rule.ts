import { createHash } from 'node:crypto';
import { defineRule } from '../rules/define-rule.js';
import type { Rule, RuleMetadata } from '../rules/types.js';
import type { Detector } from './detector.js';
import { registerDetectors, secretsIn } from './engine.js';

export type SecretRuleDefinition = Omit<RuleMetadata, 'category' | 'formats' | 'cwe'> & {
  cwe?: string[];
  detectors: Detector[];
};

const rulesByDetector = new Map<string, string>();

/**
 * A secret rule: a provider group's detectors. The rule registers them with the shared engine and, for each
 * file, reports the matches of its own detectors from the engine's single pass. The finding's message names
 * the detector, and the detector id is part of the fingerprint key (with the secret's hash), so baselines
 * and suppressions follow a secret, not its line.
 */
export function secretRule(definition: SecretRuleDefinition): Rule & { detectors: Detector[] } {
  const { detectors, ...metadata } = definition;
  for (const detector of detectors) {
    const owner = rulesByDetector.get(detector.id);
    if (owner && owner !== metadata.id)
      throw new Error(`secret detector ${detector.id} belongs to ${owner} and ${metadata.id}`);
    rulesByDetector.set(detector.id, metadata.id);
  }
  registerDetectors(detectors);
  const own = detectors.map((d) => d.id);
  const rule = defineRule({
    ...metadata,
    cwe: metadata.cwe ?? ['CWE-798'],
    category: 'secret',
    formats: ['*'],
    check({ files, report, secrets }) {
      for (const file of files) {
        const found = secretsIn(file, secrets);
        if (!found.size) continue;
        for (const id of own) {
          for (const match of found.get(id) ?? []) {
            const hash = createHash('sha256').update(match.value).digest('hex');
            report({
              file: file.path,
              range: file.lines.range(match.start, match.end),
              secret: match.value,
              key: secretKey(id, hash),
              message: secretMessage(match.detector),
              // The detector's own severity (an encrypted key is less urgent than a plain one).
              severity: match.detector.severity,
            });
          }
        }
      }
    },
  });
  return Object.freeze({ ...rule, detectors });
}

/** The id of the rule that owns a detector (loaded rules only). */
export function ruleOfDetector(detectorId: string): string | undefined {
  return rulesByDetector.get(detectorId);
}

/** The fingerprint key of a secret finding: detector and hash, never the line. */
export function secretKey(detectorId: string, sha256: string): string {
  return `${detectorId}:${sha256}`;
}

/** `GitHub personal access token (classic) [github-classic-pat]`: the detector is named in brackets. */
export function secretMessage(detector: Pick<Detector, 'id' | 'description'>): string {
  return `${detector.description} [${detector.id}]`;
}

/** The detector id named in a secret finding's message, if any. */
export function detectorOfMessage(message: string): string | undefined {
  return /\[([a-z0-9][a-z0-9-]*)\]$/.exec(message)?.[1];
}
