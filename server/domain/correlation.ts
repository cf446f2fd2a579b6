/**
 * Code to cloud links: which deployed resources each IaC resource is. Pure: the analysis job loads the IaC
 * inventories and the cloud inventories of one organisation and stores what this returns.
 *
 * Methods, strongest first; an IaC resource linked by one method is not tried with the weaker ones:
 * 1. `trace-tag`: a trace tag value (`palisade_trace`, `yor_trace`, `mapping_tag`) in code equals one on
 *    the deployed resource.
 * 2. `state-address`: the Terraform address in code equals the state's (module path included). An address
 *    without instance keys stands for every instance, since `count`/`for_each` may not be known in code:
 *    `aws_s3_bucket.b` matches `aws_s3_bucket.b[0]` and `aws_s3_bucket.b["logs"]`, `module.site.x.y` matches
 *    `module.site["eu"].x.y`; a key written in code must be equal.
 *    `cloudformation-stack`: a template's `Resources.<LogicalId>` and a resource of that logical id in a
 *    deployed stack (`aws:cloudformation:logical-id` tag), of the same type or kind. A template does not
 *    say which stack deploys it, so when stacks of several names have the logical id, the stacks whose name
 *    contains the template's file name (`network.yaml` and stack `network-prod`) win; with none of them,
 *    every stack's resource is linked.
 * 3. `name-heuristic` (weak): the same kind (or, when either side has no kind, the same type) and the same
 *    literal name, for deployed resources that no stronger method linked. Names repeat across accounts and
 *    resource groups, so these links are shown as weak.
 */
import { TRACE_TAG_KEYS } from '../../scanners/core/types.js';
import type {
  LinkMethod,
  SnapshotCloudResource,
  SnapshotIacResource,
  SnapshotLink,
} from './analysis-model.js';
import { push } from './maps.js';

export type CorrelationIacResource = Pick<
  SnapshotIacResource,
  'key' | 'family' | 'type' | 'kind' | 'address' | 'name' | 'file' | 'traceTag' | 'tags'
>;
export type CorrelationCloudResource = Pick<
  SnapshotCloudResource,
  'key' | 'type' | 'kind' | 'name' | 'tags' | 'origin'
>;

/** True for the method that may link the wrong resource: the dashboard flags it. */
export function isWeakLink(method: LinkMethod): boolean {
  return method === 'name-heuristic';
}

/** Every link between the IaC resources and the cloud resources, at most one method per IaC resource. */
export function correlate(
  iacResources: readonly CorrelationIacResource[],
  cloudResources: readonly CorrelationCloudResource[],
): SnapshotLink[] {
  const byTrace = new Map<string, CorrelationCloudResource[]>();
  const byStateAddress = new Map<string, { cloud: CorrelationCloudResource; address: AddressSegment[] }[]>();
  const byLogicalId = new Map<string, CorrelationCloudResource[]>();
  const byName = new Map<string, CorrelationCloudResource[]>();
  for (const cloud of cloudResources) {
    for (const value of traceValues(cloud.tags)) push(byTrace, value, cloud);
    const stateAddress = cloud.origin?.terraformAddress;
    const parsed = stateAddress ? parseAddress(stateAddress) : undefined;
    if (parsed) push(byStateAddress, withoutKeys(parsed), { cloud, address: parsed });
    const stack = cloud.origin?.cloudformation;
    if (stack) push(byLogicalId, stack.logicalId, cloud);
    if (cloud.name) push(byName, cloud.name, cloud);
  }

  const links: SnapshotLink[] = [];
  const stronglyLinked = new Set<string>();
  const unlinked: CorrelationIacResource[] = [];
  for (const iac of iacResources) {
    const strong = traceMatches(iac, byTrace) ?? stateMatches(iac, byStateAddress, byLogicalId);
    if (!strong) {
      unlinked.push(iac);
      continue;
    }
    for (const cloud of strong.clouds) {
      links.push({ iacKey: iac.key, cloudKey: cloud.key, method: strong.method });
      stronglyLinked.add(cloud.key);
    }
  }
  for (const iac of unlinked) {
    if (!iac.name) continue;
    for (const cloud of byName.get(iac.name) ?? []) {
      if (!stronglyLinked.has(cloud.key) && sameKind(iac, cloud))
        links.push({ iacKey: iac.key, cloudKey: cloud.key, method: 'name-heuristic' });
    }
  }
  return links;
}

interface Matches {
  method: LinkMethod;
  clouds: CorrelationCloudResource[];
}

function traceMatches(
  iac: CorrelationIacResource,
  byTrace: Map<string, CorrelationCloudResource[]>,
): Matches | undefined {
  const values = new Set(traceValues(iac.tags));
  if (iac.traceTag) values.add(iac.traceTag);
  const clouds = unique([...values].flatMap((value) => byTrace.get(value) ?? []));
  if (clouds.length === 0) return undefined;
  // count/for_each copies share one trace tag: the state address, when it says which copy, narrows it.
  const address = iac.family === 'terraform' ? parseAddress(iac.address) : undefined;
  if (address && clouds.length > 1) {
    const exact = clouds.filter((cloud) => {
      const state = cloud.origin?.terraformAddress;
      const parsed = state ? parseAddress(state) : undefined;
      return parsed !== undefined && addressMatches(address, parsed);
    });
    if (exact.length > 0) return { method: 'trace-tag', clouds: exact };
  }
  return { method: 'trace-tag', clouds };
}

function stateMatches(
  iac: CorrelationIacResource,
  byStateAddress: Map<string, { cloud: CorrelationCloudResource; address: AddressSegment[] }[]>,
  byLogicalId: Map<string, CorrelationCloudResource[]>,
): Matches | undefined {
  if (iac.family === 'terraform') {
    const address = parseAddress(iac.address);
    if (!address) return undefined;
    const clouds = (byStateAddress.get(withoutKeys(address)) ?? [])
      .filter((candidate) => addressMatches(address, candidate.address))
      .map((candidate) => candidate.cloud);
    return clouds.length > 0 ? { method: 'state-address', clouds: unique(clouds) } : undefined;
  }
  if (iac.family === 'cloudformation') {
    const logicalId = /^Resources\.(.+)$/.exec(iac.address)?.[1];
    if (!logicalId) return undefined;
    const candidates = (byLogicalId.get(logicalId) ?? []).filter((cloud) => sameKind(iac, cloud));
    if (candidates.length === 0) return undefined;
    const stacks = new Set(candidates.map((cloud) => cloud.origin?.cloudformation?.stack));
    if (stacks.size === 1) return { method: 'cloudformation-stack', clouds: candidates };
    const stem = templateStem(iac.file);
    const named = stem
      ? candidates.filter((cloud) => cloud.origin?.cloudformation?.stack.toLowerCase().includes(stem))
      : [];
    return { method: 'cloudformation-stack', clouds: named.length > 0 ? named : candidates };
  }
  return undefined;
}

/** Trace tag values of a tag map, in TRACE_TAG_KEYS order; empty values never link anything. */
function traceValues(tags: Readonly<Record<string, string>>): string[] {
  const values: string[] = [];
  for (const key of TRACE_TAG_KEYS) {
    const value = Object.hasOwn(tags, key) ? tags[key]?.trim() : undefined;
    if (value) values.push(value);
  }
  return values;
}

function sameKind(
  iac: Pick<CorrelationIacResource, 'kind' | 'type'>,
  cloud: Pick<CorrelationCloudResource, 'kind' | 'type'>,
): boolean {
  if (iac.kind && cloud.kind) return iac.kind === cloud.kind;
  return iac.type.toLowerCase() === cloud.type.toLowerCase();
}

/** `network` for `stacks/Network.template.yaml`: what a stack deploying it is likely named after. */
function templateStem(file: string): string | undefined {
  const base = file.split(/[\\/]/).at(-1) ?? '';
  const stem = base.replace(/(\.template)?\.(ya?ml|json|template)$/i, '').toLowerCase();
  return stem.length >= 3 && !/^(template|main|stack|cfn|cloudformation)$/.test(stem) ? stem : undefined;
}

/** One step of a Terraform address: `module.site["eu"]` is { name: 'module.site', key: '"eu"' }. */
export interface AddressSegment {
  name: string;
  /** The instance key as written between the brackets, strings in JSON form; undefined when absent. */
  key?: string;
}

/**
 * Parses `module.a[0].module.b["x"].aws_s3_bucket.logs[1]` (also `data.` resources) into its module and
 * resource steps; undefined for text that is not an address. Keys are normalised (`['x']` is `["x"]`).
 */
export function parseAddress(address: string): AddressSegment[] | undefined {
  const segments: AddressSegment[] = [];
  let rest = address.trim();
  while (rest.length > 0) {
    const module = /^module\.([A-Za-z_][\w-]*)/.exec(rest);
    const resource = module ? undefined : /^(?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*/.exec(rest);
    const head = module ?? resource;
    if (!head) return undefined;
    rest = rest.slice(head[0].length);
    const segment: AddressSegment = { name: head[0] };
    if (rest.startsWith('[')) {
      const parsed = readKey(rest);
      if (!parsed) return undefined;
      segment.key = parsed.key;
      rest = rest.slice(parsed.length);
    }
    segments.push(segment);
    if (resource) return rest.length === 0 ? segments : undefined;
    if (!rest.startsWith('.')) return undefined;
    rest = rest.slice(1);
  }
  return undefined;
}

/** Reads `[0]`, `["a]b"]` or `['x']` at the start of `text`. */
function readKey(text: string): { key: string; length: number } | undefined {
  const number = /^\[\s*(\d+)\s*\]/.exec(text);
  if (number) return { key: String(Number(number[1])), length: number[0].length };
  const quote = text[1];
  if (quote !== '"' && quote !== "'") return undefined;
  let value = '';
  for (let i = 2; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i++;
    } else if (char === quote) {
      return text[i + 1] === ']' ? { key: JSON.stringify(value), length: i + 2 } : undefined;
    } else {
      value += char;
    }
  }
  return undefined;
}

function withoutKeys(address: readonly AddressSegment[]): string {
  return address.map((segment) => segment.name).join('.');
}

/** Code address `code` stands for state address `state`: same steps, and every key written in code equal. */
export function addressMatches(code: readonly AddressSegment[], state: readonly AddressSegment[]): boolean {
  if (code.length !== state.length) return false;
  return code.every((segment, index) => {
    const other = state[index]!;
    return segment.name === other.name && (segment.key === undefined || segment.key === other.key);
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
