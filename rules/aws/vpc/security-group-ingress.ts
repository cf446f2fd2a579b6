/** Shared by the security group rules: the internet CIDRs as messages show them, and the single-port check. */
import { coversAllPorts, coversPort, internetSource } from '../../../scanners/kinds/aws/vpc.js';
import { type Entity, type RuleDefinition, resources } from '../../../scanners/rules/api.js';

/** The internet CIDRs of a source attribute (`0.0.0.0/0, ::/0`), or the value as it is when not a list. */
export function cidrText(attr: { value: unknown }): string {
  return Array.isArray(attr.value)
    ? attr.value.filter((v) => v === '0.0.0.0/0' || v === '::/0').join(', ')
    : String(attr.value);
}

/**
 * The check of a "`service` port open to the internet" rule: reports each ingress rule admitting `port`
 * from the internet, in groups no instance of the module uses.
 */
export function internetPortCheck(port: number, service: string): RuleDefinition['check'] {
  return ({ model, report }) => {
    for (const group of resources(model, 'aws.vpc.securityGroups')) {
      // Groups attached to instances in the module are PAL-AWS-VPC-005's (critical) finding.
      if (((group.attachedCompute as Entity[]) ?? []).length) continue;
      for (const rule of (group.ingress as Entity[]) ?? []) {
        const source = internetSource(rule);
        if (!source || source === 'unknown') continue;
        // Every-port rules are PAL-AWS-VPC-003's finding.
        if (coversAllPorts(rule) !== false || coversPort(rule, port) !== true) continue;
        report({
          resource: rule,
          attr: source,
          message: `Security group ${group.address} allows ${service} (${port}) from ${cidrText(source)}.`,
        });
      }
    }
  };
}
