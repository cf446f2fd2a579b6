/**
 * Mappings shared by the managed-service kinds: provider spellings turned into neutral values. They run on
 * known values only (kinds.ts), on the plain form of the declared node.
 */

/**
 * The value of one setting in a list of key/value pairs (ELBv2 `LoadBalancerAttributes`, Redshift parameter
 * groups). A missing key gives `fallback`; an entry whose key or value is not knowable gives undefined,
 * which reads as unresolvable. A single pair may arrive as one object rather than a list.
 */
export function keyedSetting(keyName: string, valueName: string, key: string, fallback: unknown) {
  return (value: unknown): unknown => {
    const pairs = Array.isArray(value) ? value : [value];
    let unknown = false;
    for (const pair of pairs) {
      if (pair === null || typeof pair !== 'object' || Array.isArray(pair)) {
        unknown = true;
        continue;
      }
      const record = pair as Record<string, unknown>;
      const name = record[keyName];
      if (typeof name !== 'string') {
        unknown = true;
        continue;
      }
      if (name.toLowerCase() === key.toLowerCase()) return record[valueName];
    }
    return unknown ? undefined : fallback;
  };
}

/** True when the provider's value is one of `accepted` (case-insensitive for strings). */
export function oneOf(...accepted: string[]) {
  const wanted = new Set(accepted.map((a) => a.toLowerCase()));
  return (value: unknown): unknown => (typeof value === 'string' ? wanted.has(value.toLowerCase()) : value);
}

/** Upper-cases a string value (protocols are case-insensitive in classic ELB listeners). */
export function upper(value: unknown): unknown {
  return typeof value === 'string' ? value.toUpperCase() : value;
}
