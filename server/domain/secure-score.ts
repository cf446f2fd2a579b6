/**
 * Secure score. Every rule and every runtime check is a control worth `CONTROL_MAX_POINTS[severity]`; in a
 * scope, a control scores maxPoints × healthy ÷ (healthy + unhealthy) over the resources it evaluated. A
 * scope's score is the sum of its controls' points over the sum of their max points, so a critical control
 * weighs ten times a low one, and the organisation sums its controls over every resource of every
 * repository and account (a weighted sum, never an average of repository percentages).
 *
 * Which resources a rule evaluated is not stored, so it is approximated: a rule evaluates the IaC resources
 * of the scope whose neutral kind (or provider type) it targets. Its target kinds are those given in
 * `snapshot.ruleKinds`, else the kinds of the resources its findings sit on anywhere in the organisation.
 * A resource is unhealthy for the rule when it has an open finding of the rule; exempt when its only findings
 * of the rule are risk-accepted; healthy otherwise. Findings without an IaC resource (secrets, pipelines)
 * count their file as the subject, healthy once every finding of the rule in it is closed or a false
 * positive. Runtime checks are exact: a resource is unhealthy when a check fails on it and healthy when it
 * only passes (manual results do not count). Repositories score rules; accounts score runtime checks; the
 * organisation scores both.
 */
import { compareText, SEVERITY_RANK, type Severity } from '../../scanners/core/types.js';
import type { AnalysisSnapshot, ControlScore, SecureScore, SnapshotFinding } from './analysis-model.js';
import { entry } from './maps.js';

export const CONTROL_MAX_POINTS: Record<Severity, number> = {
  critical: 10,
  high: 6,
  medium: 3,
  low: 1,
  info: 0,
};

interface Tally {
  healthy: number;
  unhealthy: number;
}

interface ControlInfo {
  source: ControlScore['source'];
  severity: Severity;
}

function higher(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

function subjectOf(finding: SnapshotFinding): string {
  return finding.resourceKey ?? `file:${finding.repositoryId}:${finding.file}`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function secureScores(snapshot: AnalysisSnapshot): {
  repositories: Map<number, SecureScore>;
  accounts: Map<string, SecureScore>;
  organization: SecureScore;
} {
  const controls = new Map<string, ControlInfo>();
  const repositoryTallies = new Map<number, Map<string, Tally>>();
  const accountTallies = new Map<string, Map<string, Tally>>();
  const organizationTallies = new Map<string, Tally>();

  const count = <S>(
    scopes: Map<S, Map<string, Tally>>,
    scope: S,
    control: string,
    healthy: number,
    unhealthy: number,
  ): void => {
    if (healthy + unhealthy === 0) return;
    for (const target of [entry(scopes, scope, () => new Map<string, Tally>()), organizationTallies]) {
      const tally = entry(target, control, () => ({ healthy: 0, unhealthy: 0 }));
      tally.healthy += healthy;
      tally.unhealthy += unhealthy;
    }
  };

  // Rules.
  const iacByKey = new Map(snapshot.iacResources.map((resource) => [resource.key, resource]));
  const resourcesByKind = new Map<string, Map<number, string[]>>();
  for (const resource of snapshot.iacResources) {
    for (const kind of new Set([resource.kind, resource.type])) {
      if (kind === undefined) continue;
      const byRepository = entry(resourcesByKind, kind, () => new Map<number, string[]>());
      entry(byRepository, resource.repositoryId, () => [] as string[]).push(resource.key);
    }
  }
  const findingsByRule = new Map<string, SnapshotFinding[]>();
  for (const finding of snapshot.findings) {
    entry(findingsByRule, finding.ruleId, () => [] as SnapshotFinding[]).push(finding);
  }
  for (const [ruleId, findings] of findingsByRule) {
    let severity: Severity | undefined;
    const kinds = new Set(snapshot.ruleKinds?.[ruleId] ?? []);
    for (const finding of findings) {
      severity = higher(severity, finding.severity);
      const resource = finding.resourceKey === undefined ? undefined : iacByKey.get(finding.resourceKey);
      if (resource) kinds.add(resource.kind ?? resource.type);
    }
    controls.set(ruleId, { source: 'rule', severity: severity as Severity });
    // Per repository: the subjects the rule evaluated, and the findings' verdicts on them.
    const evaluated = new Map<number, Set<string>>();
    for (const kind of kinds) {
      for (const [repositoryId, keys] of resourcesByKind.get(kind) ?? []) {
        const subjects = entry(evaluated, repositoryId, () => new Set<string>());
        for (const key of keys) subjects.add(key);
      }
    }
    const unhealthy = new Map<number, Set<string>>();
    const exempt = new Map<number, Set<string>>();
    const setIn = (map: Map<number, Set<string>>, repositoryId: number): Set<string> =>
      entry(map, repositoryId, () => new Set<string>());
    for (const finding of findings) {
      const subject = subjectOf(finding);
      setIn(evaluated, finding.repositoryId).add(subject);
      if (finding.status === 'open') setIn(unhealthy, finding.repositoryId).add(subject);
      else if (finding.status === 'risk_accepted') setIn(exempt, finding.repositoryId).add(subject);
    }
    for (const [repositoryId, subjects] of evaluated) {
      const bad = unhealthy.get(repositoryId) ?? new Set<string>();
      const excused = exempt.get(repositoryId) ?? new Set<string>();
      let healthy = 0;
      for (const subject of subjects) if (!bad.has(subject) && !excused.has(subject)) healthy++;
      count(repositoryTallies, repositoryId, ruleId, healthy, bad.size);
    }
  }

  // Runtime checks.
  const accountOfKey = new Map(snapshot.cloudResources.map((resource) => [resource.key, resource.accountId]));
  const verdicts = new Map<string, Map<string, Map<string, boolean>>>(); // account → check → resource → failing
  for (const check of snapshot.checks) {
    if (check.status === 'manual') continue;
    const accountId = accountOfKey.get(check.cloudKey);
    if (accountId === undefined) continue;
    const known = controls.get(check.checkId);
    if (known?.source === 'rule') continue; // a check id equal to a rule id would merge two controls
    controls.set(check.checkId, { source: 'cloud-check', severity: higher(known?.severity, check.severity) });
    const byCheck = entry(verdicts, accountId, () => new Map<string, Map<string, boolean>>());
    const byResource = entry(byCheck, check.checkId, () => new Map<string, boolean>());
    byResource.set(check.cloudKey, (byResource.get(check.cloudKey) ?? false) || check.status === 'fail');
  }
  for (const [accountId, byCheck] of verdicts) {
    for (const [checkId, byResource] of byCheck) {
      let failing = 0;
      for (const fails of byResource.values()) if (fails) failing++;
      count(accountTallies, accountId, checkId, byResource.size - failing, failing);
    }
  }

  const score = (tallies: Map<string, Tally>): SecureScore => scoreOf(tallies, controls);
  return {
    repositories: new Map([...repositoryTallies].map(([id, tallies]) => [id, score(tallies)])),
    accounts: new Map([...accountTallies].map(([id, tallies]) => [id, score(tallies)])),
    organization: score(organizationTallies),
  };
}

function scoreOf(tallies: Map<string, Tally>, controls: Map<string, ControlInfo>): SecureScore {
  const rows: ControlScore[] = [];
  let points = 0;
  let maxPoints = 0;
  for (const [control, tally] of tallies) {
    const info = controls.get(control) as ControlInfo;
    const max = CONTROL_MAX_POINTS[info.severity];
    if (max === 0) continue;
    const earned = (max * tally.healthy) / (tally.healthy + tally.unhealthy);
    points += earned;
    maxPoints += max;
    rows.push({
      control,
      source: info.source,
      severity: info.severity,
      maxPoints: max,
      healthy: tally.healthy,
      unhealthy: tally.unhealthy,
      points: round2(earned),
    });
  }
  rows.sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points) || compareText(a.control, b.control));
  return {
    points: round2(points),
    maxPoints,
    percent: maxPoints === 0 ? null : Math.round((1000 * points) / maxPoints) / 10,
    controls: rows,
  };
}
