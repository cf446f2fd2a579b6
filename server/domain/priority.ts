/**
 * The priority of each open code finding, 0–100: what to fix first. A sum of documented weights, capped at
 * 100, so adding a risk factor never lowers it (monotonic) and equal inputs give equal scores
 * (deterministic). Evidence that reaches the finding's resource only through a name-heuristic link counts
 * half, rounded down. Every factor explains itself in one plain sentence.
 */
import type { Severity } from '../../scanners/core/types.js';
import type {
  PriorityFactor,
  PriorityFactorName,
  PriorityScore,
  ResourceTrait,
  SnapshotFinding,
  TraitName,
} from './analysis-model.js';
import { type AnalysisContext, LINK_METHOD_WORDS, place, type ResourceGroup } from './code-to-cloud.js';

export const PRIORITY_WEIGHTS = {
  severity: { critical: 40, high: 30, medium: 20, low: 10, info: 2 } satisfies Record<Severity, number>,
  deployed: 15,
  internetExposed: 15,
  sensitiveData: 10,
  adminPrivilege: 10,
  /** Per failing runtime check on the resource, by the check's severity; the sum is capped. */
  runtimeCheck: { critical: 5, high: 3, medium: 2, low: 1, info: 0 } satisfies Record<Severity, number>,
  runtimeChecksCap: 15,
} as const;

/** The trait factors, in the order they are listed: each adds its weight when the finding's resource has it. */
const TRAIT_FACTORS = [
  { trait: 'internet-exposed', points: PRIORITY_WEIGHTS.internetExposed, label: 'Internet-exposed' },
  { trait: 'sensitive-data', points: PRIORITY_WEIGHTS.sensitiveData, label: 'Sensitive data' },
  { trait: 'admin-privilege', points: PRIORITY_WEIGHTS.adminPrivilege, label: 'Admin privileges' },
] as const satisfies ReadonlyArray<{ trait: TraitName & PriorityFactorName; points: number; label: string }>;

const SEVERITY_WORDS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Informational',
};

/** Priorities of every open finding of the snapshot, by finding id. */
export function prioritise(context: AnalysisContext): Map<number, PriorityScore> {
  const priorities = new Map<number, PriorityScore>();
  for (const finding of context.snapshot.findings) {
    if (finding.status !== 'open') continue;
    const index = finding.resourceKey === undefined ? undefined : context.groupOfKey.get(finding.resourceKey);
    priorities.set(
      finding.id,
      scoreFinding(finding, index === undefined ? undefined : context.groups[index]),
    );
  }
  return priorities;
}

/** Full points for strong evidence, half (rounded down) when only weak evidence exists, 0 without any. */
function weighted(points: number, traits: ResourceTrait[]): number {
  if (traits.length === 0) return 0;
  return traits.some((trait) => !trait.weak) ? points : Math.floor(points / 2);
}

function strongestFirst(traits: ResourceTrait[]): ResourceTrait[] {
  return [...traits].sort((a, b) => Number(a.weak) - Number(b.weak));
}

function explain(traits: ResourceTrait[]): string {
  const [first] = strongestFirst(traits);
  const more = traits.length - 1;
  const weakNote = first?.weak ? ' (through a name match only)' : '';
  return `${first?.reason ?? ''}${weakNote}${more > 0 ? ` (and ${more} more)` : ''}`;
}

/** The score of one open finding on the resource group it is about (none: severity only). */
export function scoreFinding(finding: SnapshotFinding, group: ResourceGroup | undefined): PriorityScore {
  const factors: PriorityFactor[] = [
    {
      factor: 'severity',
      points: PRIORITY_WEIGHTS.severity[finding.severity],
      reason: `${SEVERITY_WORDS[finding.severity]} severity`,
    },
  ];
  if (group) {
    const deployed = group.cloud.filter((member) => member.method !== null);
    if (deployed.length > 0) {
      const strong = deployed.filter((member) => !member.weak);
      const shown = strong.length > 0 ? strong : deployed;
      const places = [...new Set(shown.map((member) => place(member.resource)))].sort();
      const methods = [
        ...new Set(shown.map((member) => LINK_METHOD_WORDS[member.method as keyof typeof LINK_METHOD_WORDS])),
      ].sort();
      const count = `${shown.length} resource${shown.length === 1 ? '' : 's'}`;
      factors.push({
        factor: 'deployed',
        points: strong.length > 0 ? PRIORITY_WEIGHTS.deployed : Math.floor(PRIORITY_WEIGHTS.deployed / 2),
        reason:
          strong.length > 0
            ? `Deployed: ${count} in ${places.join(', ')} (linked by ${methods.join(', ')})`
            : `Possibly deployed: ${count} in ${places.join(', ')} (matched by name only)`,
      });
    }
    for (const { trait, points, label } of TRAIT_FACTORS) {
      const traits = group.traits.filter((candidate) => candidate.trait === trait);
      if (traits.length > 0)
        factors.push({
          factor: trait,
          points: weighted(points, traits),
          reason: `${label}: ${explain(traits)}`,
        });
    }
    if (group.failingChecks.length > 0) factors.push(runtimeFactor(group));
  }
  const total = factors.reduce((sum, factor) => sum + factor.points, 0);
  return {
    findingId: finding.id,
    score: Math.min(100, total),
    factors,
    reasons: factors.map((factor) => factor.reason),
  };
}

function runtimeFactor(group: ResourceGroup): PriorityFactor {
  let strong = 0;
  let weak = 0;
  const bySeverity = new Map<Severity, number>();
  for (const { check, weak: isWeak } of group.failingChecks) {
    const points = PRIORITY_WEIGHTS.runtimeCheck[check.severity];
    if (isWeak) weak += points;
    else strong += points;
    bySeverity.set(check.severity, (bySeverity.get(check.severity) ?? 0) + 1);
  }
  const points = Math.min(PRIORITY_WEIGHTS.runtimeChecksCap, strong + Math.floor(weak / 2));
  const count = group.failingChecks.length;
  const detail = (['critical', 'high'] as const)
    .filter((severity) => bySeverity.has(severity))
    .map((severity) => `${bySeverity.get(severity)} ${severity}`);
  const weakNote = strong === 0 && weak > 0 ? ', through a name match only' : '';
  return {
    factor: 'runtime-checks',
    points,
    reason: `${count} failing runtime check${count === 1 ? '' : 's'}${detail.length > 0 ? ` (${detail.join(', ')})` : ''}${weakNote}`,
  };
}
