import { type Attr, type Entity, field, type Model, resources } from '../../../scanners/rules/api.js';

/** Source prefixes that mean "anywhere": the wildcard, the default route and the Internet service tag. */
const INTERNET_SOURCES = new Set(['*', '0.0.0.0/0', '0.0.0.0', '::/0', 'internet', 'any']);

/** An inbound allow rule of a network security group that admits internet traffic. */
export interface InternetRule {
  rule: Entity;
  /** The source prefix attribute that opens it to the internet. */
  source: Attr<unknown>;
  /** Destination port expressions (`22`, `20-30`, `*`); empty when they cannot be known. */
  ports: string[];
  protocol: string;
}

function known<T>(attr: Attr<T>): T | undefined {
  return attr.origin === 'unresolvable' ? undefined : attr.value;
}

/** Every inbound Allow security rule (inline or separate) whose source is the internet. */
export function internetInboundRules(model: Model): InternetRule[] {
  const found: InternetRule[] = [];
  for (const group of resources(model, 'azure.network.securityGroups')) {
    const rules = (group.securityRules as Entity[] | undefined) ?? [];
    for (const rule of rules) {
      if (known(field<string>(rule, 'direction')) !== 'inbound') continue;
      if (known(field<string>(rule, 'access')) !== 'allow') continue;
      const source = internetSource(rule);
      if (!source) continue;
      const protocol = known(field<string>(rule, 'protocol'));
      if (typeof protocol !== 'string') continue;
      found.push({ rule, source, ports: portsOf(rule), protocol });
    }
  }
  return found;
}

function internetSource(rule: Entity): Attr<unknown> | undefined {
  const single = field<string>(rule, 'sourcePrefix');
  if (typeof known(single) === 'string' && INTERNET_SOURCES.has(String(single.value).toLowerCase()))
    return single;
  const many = field<unknown[]>(rule, 'sourcePrefixes');
  const list = known(many);
  if (Array.isArray(list) && list.some((p) => typeof p === 'string' && INTERNET_SOURCES.has(p.toLowerCase())))
    return many;
  return undefined;
}

function portsOf(rule: Entity): string[] {
  const ports: string[] = [];
  const single = known(field<string>(rule, 'destinationPortRange'));
  if (typeof single === 'string' && single.trim() !== '') ports.push(single.trim());
  const many = known(field<unknown[]>(rule, 'destinationPortRanges'));
  if (Array.isArray(many))
    for (const p of many) if (typeof p === 'string' || typeof p === 'number') ports.push(String(p).trim());
  return ports;
}

/** True when a port expression (`*`, `3389`, `3000-4000`) includes `port`. */
export function coversPort(expression: string, port: number): boolean {
  if (expression === '*') return true;
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(expression);
  if (range) return Number(range[1]) <= port && port <= Number(range[2]);
  return /^\d+$/.test(expression) && Number(expression) === port;
}

/** True when a port expression opens every port. */
export function coversAllPorts(expression: string): boolean {
  return expression === '*' || /^[01]\s*-\s*65535$/.test(expression);
}

/** True for protocols that carry TCP: `Tcp` and the wildcard. */
export function carriesTcp(protocol: string): boolean {
  return protocol === 'tcp' || protocol === '*';
}
