import type { FieldSourceSpec, KindDefinition } from '../../model/kinds.js';
import { lowerCase } from './common.js';

/** One security rule's fields, read from `prefix` (`properties.` in ARM, nothing in Terraform). */
function securityRuleFields(names: {
  direction: string;
  access: string;
  protocol: string;
  sourcePrefix: string;
  sourcePrefixes: string;
  portRange: string;
  portRanges: string;
}): Record<string, FieldSourceSpec> {
  return {
    direction: { path: names.direction, map: lowerCase },
    access: { path: names.access, map: lowerCase },
    protocol: { path: names.protocol, map: lowerCase },
    sourcePrefix: names.sourcePrefix,
    sourcePrefixes: names.sourcePrefixes,
    destinationPortRange: names.portRange,
    destinationPortRanges: names.portRanges,
  };
}

const TERRAFORM_RULE = securityRuleFields({
  direction: 'direction',
  access: 'access',
  protocol: 'protocol',
  sourcePrefix: 'source_address_prefix',
  sourcePrefixes: 'source_address_prefixes',
  portRange: 'destination_port_range',
  portRanges: 'destination_port_ranges',
});

const ARM_RULE = securityRuleFields({
  direction: 'properties.direction',
  access: 'properties.access',
  protocol: 'properties.protocol',
  sourcePrefix: 'properties.sourceAddressPrefix',
  sourcePrefixes: 'properties.sourceAddressPrefixes',
  portRange: 'properties.destinationPortRange',
  portRanges: 'properties.destinationPortRanges',
});

/** Network security groups with their rules (inline or separate), and NSG flow logs. */
export const NETWORK_KINDS: KindDefinition[] = [
  {
    kind: 'azure.network.securityGroup',
    collection: 'azure.network.securityGroups',
    identity: ['name'],
    fields: { name: 'string' },
    children: {
      securityRules: {
        direction: 'string',
        access: 'string',
        protocol: 'string',
        sourcePrefix: 'string',
        sourcePrefixes: 'list',
        destinationPortRange: 'string',
        destinationPortRanges: 'list',
      },
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_network_security_group'],
        fields: { name: 'name' },
        children: { securityRules: { path: 'security_rule', fields: TERRAFORM_RULE } },
      },
      {
        family: 'arm',
        types: ['Microsoft.Network/networkSecurityGroups'],
        fields: { name: 'name' },
        children: { securityRules: { path: 'properties.securityRules', fields: ARM_RULE } },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['azurerm_network_security_rule'],
        via: 'network_security_group_name',
        child: { name: 'securityRules', fields: TERRAFORM_RULE },
      },
      {
        family: 'arm',
        types: ['Microsoft.Network/networkSecurityGroups/securityRules'],
        via: '$ancestors',
        child: { name: 'securityRules', fields: ARM_RULE },
      },
    ],
  },
  {
    kind: 'azure.network.flowLog',
    collection: 'azure.network.flowLogs',
    fields: { name: 'string', retentionEnabled: 'bool', retentionDays: 'number' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_network_watcher_flow_log'],
        fields: {
          name: 'name',
          retentionEnabled: { path: 'retention_policy.enabled', default: false },
          retentionDays: { path: 'retention_policy.days', default: 0 },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Network/networkWatchers/flowLogs'],
        fields: {
          name: 'name',
          retentionEnabled: { path: 'properties.retentionPolicy.enabled', default: false },
          retentionDays: { path: 'properties.retentionPolicy.days', default: 0 },
        },
      },
    ],
  },
];
