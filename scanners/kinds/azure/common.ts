import { child, type MapNode, scalar } from '../../parsers/tree.js';

/** ARM `"Enabled"` / `"Disabled"` (any case) as a boolean; other spellings are not knowable. */
export function enabledFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'enabled') return true;
  if (lower === 'disabled') return false;
  return undefined;
}

/** ARM `publicNetworkAccess`: `Enabled` is public; `Disabled` and `SecuredByPerimeter` are not. */
export function publicAccessFlag(value: unknown): boolean | undefined {
  if (typeof value === 'string' && value.toLowerCase() === 'securedbyperimeter') return false;
  return enabledFlag(value);
}

/** The inverse of a boolean flag (`disableLocalAuth` read as "local auth enabled"). */
export function negated(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() !== 'true';
  return undefined;
}

/**
 * A block or object that is present counts as configured. Plan JSON writes an absent block as an empty
 * list, which is not configured.
 */
export function configured(value: unknown): boolean {
  return !(Array.isArray(value) && value.length === 0);
}

/** Lower-cases string values, so `OFF` and `off` compare equal. */
export function lowerCase(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** The last segment of an ARM child name (`server/log_checkpoints` → `log_checkpoints`). */
export function lastSegment(value: unknown): unknown {
  return typeof value === 'string' ? (value.split('/').pop() ?? value) : value;
}

/**
 * A list of IP ranges from a comma-separated string (azurerm 3.x `ip_range_filter`), a list of strings, or
 * a list of `{ ipAddressOrRange }` objects (ARM `ipRules`).
 */
export function ipRangeList(value: unknown): unknown {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!items) return undefined;
  const ranges: string[] = [];
  for (const item of items) {
    const text =
      typeof item === 'string'
        ? item
        : item !== null && typeof item === 'object' && 'ipAddressOrRange' in item
          ? (item as { ipAddressOrRange: unknown }).ipAddressOrRange
          : undefined;
    if (typeof text !== 'string') return undefined;
    if (text.trim() !== '') ranges.push(text.trim());
  }
  return ranges;
}

/** The ARM `apiVersion` of a resource body, when it is a literal date such as `2023-01-01`. */
function apiVersionOf(body: MapNode): string | undefined {
  const value = scalar(child(body, 'apiVersion'));
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/** True for ARM resources declared with an API version older than `date` (defaults changed there). */
export function apiVersionBefore(date: string): (body: MapNode) => boolean {
  return (body) => {
    const version = apiVersionOf(body);
    return version !== undefined && version < date;
  };
}

/** True for ARM resources whose API version is `date` or newer, or not a literal (assume current). */
export function apiVersionFrom(date: string): (body: MapNode) => boolean {
  return (body) => {
    const version = apiVersionOf(body);
    return version === undefined || version >= date;
  };
}

/** True when the body holds a value at `key` (a Terraform block or an ARM property). */
export function has(key: string): (body: MapNode) => boolean {
  return (body) => {
    let node = child(body, key.split('.')[0] as string);
    for (const segment of key.split('.').slice(1)) {
      if (node?.kind === 'seq') node = node.items[0];
      node = child(node, segment);
    }
    if (node?.kind === 'seq') return node.items.length > 0;
    return node !== undefined && !(node.kind === 'scalar' && node.value === null);
  };
}
