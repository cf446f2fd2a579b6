import { type Entity, field, isKnown, type RuleDefinition, resources } from '../../../scanners/rules/api.js';

const INTERNET = new Set(['0.0.0.0/0', '::/0', '*']);

/** True when a firewall `ports` list (or its absence, meaning every port) includes the port. */
export function opensPort(ports: unknown[] | undefined, port: number): boolean {
  if (!ports?.length) return true;
  return ports.some((entry) => {
    const [low, high] = String(entry).split('-').map(Number);
    if (low === undefined || Number.isNaN(low)) return false;
    return port >= low && port <= (high === undefined || Number.isNaN(high) ? low : high);
  });
}

/** The allow blocks of an enabled ingress rule open to the whole internet (none when anything is unknown). */
export function internetAllows(firewall: Entity): Entity[] {
  const direction = field<string>(firewall, 'direction');
  const disabled = field<boolean>(firewall, 'disabled');
  const sources = field<unknown[]>(firewall, 'sourceRanges');
  if (!isKnown(direction) || direction.value.toUpperCase() !== 'INGRESS') return [];
  if (!isKnown(disabled) || disabled.value) return [];
  if (!isKnown(sources) || !sources.value.some((range) => INTERNET.has(String(range)))) return [];
  return (firewall.allow as Entity[] | undefined) ?? [];
}

/** The check of a "port open to the internet" rule: reports each allow block that opens one of `ports` over TCP. */
export function internetPortCheck(ports: number[]): RuleDefinition['check'] {
  return ({ model, report }) => {
    for (const firewall of resources(model, 'google.compute.firewalls')) {
      for (const allow of internetAllows(firewall)) {
        const protocol = field<string>(allow, 'protocol');
        const allowed = field<unknown[]>(allow, 'ports');
        if (!isKnown(protocol) || allowed.origin === 'unresolvable') continue;
        const tcp = ['tcp', 'all'].includes(protocol.value.toLowerCase());
        const port = ports.find((p) => tcp && opensPort(allowed.value, p));
        if (port === undefined) continue;
        report({
          resource: allow,
          attr: allowed.origin === 'explicit' ? allowed : protocol,
          message: `Firewall ${firewall.address} allows port ${port} from the internet.`,
        });
      }
    }
  };
}
