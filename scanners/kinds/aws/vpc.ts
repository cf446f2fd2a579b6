import { type Attr, isKnown } from '../../model/attr.js';
import type { FieldSourceSpec, KindDefinition } from '../../model/kinds.js';
import type { Entity } from '../../model/model.js';
import { child, type MapNode, scalar } from '../../parsers/tree.js';
import type { Tristate } from './policy.js';
import { fixed } from './s3.js';

/** IP protocols by number or name, as security groups and network ACLs accept them. */
export function ipProtocol(value: unknown): unknown {
  const text = String(value).toLowerCase();
  switch (text) {
    case '-1':
    case 'all':
      return 'all';
    case '6':
      return 'tcp';
    case '17':
      return 'udp';
    case '1':
      return 'icmp';
    case '58':
      return 'icmpv6';
    default:
      return text;
  }
}

const lowerCase = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

const ruleFields = {
  protocol: 'string',
  fromPort: 'number',
  toPort: 'number',
  cidrs: 'list',
  ipv6Cidrs: 'list',
} as const;

const aclRuleFields = { action: 'string', ...ruleFields } as const;

const tfBlockRule: Record<string, FieldSourceSpec> = {
  protocol: { path: 'protocol', map: ipProtocol },
  fromPort: 'from_port',
  toPort: 'to_port',
  cidrs: { path: 'cidr_blocks', default: [] },
  ipv6Cidrs: { path: 'ipv6_cidr_blocks', default: [] },
};

const tfVpcRule: Record<string, FieldSourceSpec> = {
  protocol: { path: 'ip_protocol', map: ipProtocol },
  fromPort: 'from_port',
  toPort: 'to_port',
  cidrs: { path: 'cidr_ipv4', default: [] },
  ipv6Cidrs: { path: 'cidr_ipv6', default: [] },
};

const cfnRule: Record<string, FieldSourceSpec> = {
  protocol: { path: 'IpProtocol', map: ipProtocol },
  fromPort: 'FromPort',
  toPort: 'ToPort',
  cidrs: { path: 'CidrIp', default: [] },
  ipv6Cidrs: { path: 'CidrIpv6', default: [] },
};

const tfAclRule: Record<string, FieldSourceSpec> = {
  action: { path: 'action', map: lowerCase },
  protocol: { path: 'protocol', map: ipProtocol },
  fromPort: 'from_port',
  toPort: 'to_port',
  cidrs: { path: 'cidr_block', default: [] },
  ipv6Cidrs: { path: 'ipv6_cidr_block', default: [] },
};

/** True when the body's `key` is a known literal other than `value` or absent; unknown values do not match. */
function literalIsNot(key: string, value: unknown, absent: boolean) {
  return (body: MapNode) => {
    const entry = body.entries.find((e) => e.key === key);
    if (!entry) return absent;
    const known = scalar(entry.value);
    if (known === undefined || known === null) return false;
    return String(known).toLowerCase() !== String(value);
  };
}

export const VPC_KINDS: KindDefinition[] = [
  {
    kind: 'aws.vpc.securityGroup',
    collection: 'aws.vpc.securityGroups',
    fields: { name: 'string', isDefault: 'bool' },
    children: { ingress: ruleFields, egress: ruleFields, attachedCompute: { type: 'string' } },
    sources: [
      {
        family: 'terraform',
        types: ['aws_security_group'],
        fields: { name: 'name', isDefault: fixed(false) },
        children: {
          ingress: { path: 'ingress', fields: tfBlockRule },
          egress: { path: 'egress', fields: tfBlockRule },
        },
      },
      {
        // Terraform adopts the VPC's default group: the rules it lists replace the group's rules.
        family: 'terraform',
        types: ['aws_default_security_group'],
        fields: { name: fixed('default'), isDefault: fixed(true) },
        children: {
          ingress: { path: 'ingress', fields: tfBlockRule },
          egress: { path: 'egress', fields: tfBlockRule },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::SecurityGroup'],
        fields: { name: 'GroupName', isDefault: fixed(false) },
        children: {
          ingress: { path: 'SecurityGroupIngress', fields: cfnRule },
          egress: { path: 'SecurityGroupEgress', fields: cfnRule },
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_security_group_rule'],
        via: 'security_group_id',
        when: (body) => scalar(child(body, 'type')) === 'ingress',
        child: { name: 'ingress', fields: tfBlockRule },
      },
      {
        family: 'terraform',
        types: ['aws_security_group_rule'],
        via: 'security_group_id',
        when: (body) => scalar(child(body, 'type')) === 'egress',
        child: { name: 'egress', fields: tfBlockRule },
      },
      {
        family: 'terraform',
        types: ['aws_vpc_security_group_ingress_rule'],
        via: 'security_group_id',
        child: { name: 'ingress', fields: tfVpcRule },
      },
      {
        family: 'terraform',
        types: ['aws_vpc_security_group_egress_rule'],
        via: 'security_group_id',
        child: { name: 'egress', fields: tfVpcRule },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::SecurityGroupIngress'],
        via: 'GroupId',
        child: { name: 'ingress', fields: cfnRule },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::SecurityGroupEgress'],
        via: 'GroupId',
        child: { name: 'egress', fields: cfnRule },
      },
      // Compute that uses the group: the reverse link lets a rule see where an open group is attached.
      ...['vpc_security_group_ids', 'security_groups'].map((via) => ({
        family: 'terraform' as const,
        types: ['aws_instance'],
        via,
        child: { name: 'attachedCompute', fields: { type: fixed('instance') } },
      })),
      {
        family: 'terraform',
        types: ['aws_launch_template'],
        via: 'vpc_security_group_ids',
        child: { name: 'attachedCompute', fields: { type: fixed('launch template') } },
      },
      ...['SecurityGroupIds', 'SecurityGroups'].map((via) => ({
        family: 'cloudformation' as const,
        types: ['AWS::EC2::Instance'],
        via,
        child: { name: 'attachedCompute', fields: { type: fixed('instance') } },
      })),
      {
        family: 'cloudformation',
        types: ['AWS::EC2::LaunchTemplate'],
        via: 'LaunchTemplateData.SecurityGroupIds',
        child: { name: 'attachedCompute', fields: { type: fixed('launch template') } },
      },
    ],
  },
  {
    kind: 'aws.vpc.vpc',
    collection: 'aws.vpc.vpcs',
    fields: { flowLogs: 'present' },
    sources: [
      { family: 'terraform', types: ['aws_vpc', 'aws_default_vpc'], fields: { flowLogs: fixed(false) } },
      { family: 'cloudformation', types: ['AWS::EC2::VPC'], fields: { flowLogs: fixed(false) } },
    ],
    attachments: [
      // A flow log that refers to the VPC logs it, whatever the reference evaluates to.
      { family: 'terraform', types: ['aws_flow_log'], via: 'vpc_id', fields: { flowLogs: fixed(true) } },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::FlowLog'],
        via: 'ResourceId',
        fields: { flowLogs: fixed(true) },
      },
    ],
  },
  {
    kind: 'aws.vpc.networkAcl',
    collection: 'aws.vpc.networkAcls',
    fields: { isDefault: 'bool' },
    children: { ingress: aclRuleFields },
    sources: [
      {
        family: 'terraform',
        types: ['aws_network_acl'],
        fields: { isDefault: fixed(false) },
        children: { ingress: { path: 'ingress', fields: tfAclRule } },
      },
      {
        family: 'terraform',
        types: ['aws_default_network_acl'],
        fields: { isDefault: fixed(true) },
        children: { ingress: { path: 'ingress', fields: tfAclRule } },
      },
      { family: 'cloudformation', types: ['AWS::EC2::NetworkAcl'], fields: { isDefault: fixed(false) } },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_network_acl_rule'],
        via: 'network_acl_id',
        when: literalIsNot('egress', true, true),
        child: {
          name: 'ingress',
          fields: {
            action: { path: 'rule_action', map: lowerCase },
            protocol: { path: 'protocol', map: ipProtocol },
            fromPort: 'from_port',
            toPort: 'to_port',
            cidrs: { path: 'cidr_block', default: [] },
            ipv6Cidrs: { path: 'ipv6_cidr_block', default: [] },
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::NetworkAclEntry'],
        via: 'NetworkAclId',
        when: literalIsNot('Egress', true, true),
        child: {
          name: 'ingress',
          fields: {
            action: { path: 'RuleAction', map: lowerCase },
            protocol: { path: 'Protocol', map: ipProtocol },
            fromPort: 'PortRange.From',
            toPort: 'PortRange.To',
            cidrs: { path: 'CidrBlock', default: [] },
            ipv6Cidrs: { path: 'Ipv6CidrBlock', default: [] },
          },
        },
      },
    ],
  },
  {
    kind: 'aws.vpc.subnet',
    collection: 'aws.vpc.subnets',
    fields: { mapPublicIpOnLaunch: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_subnet'],
        fields: { mapPublicIpOnLaunch: { path: 'map_public_ip_on_launch', default: false } },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::Subnet'],
        fields: { mapPublicIpOnLaunch: { path: 'MapPublicIpOnLaunch', default: false } },
      },
    ],
  },
];

const INTERNET = new Map([
  ['cidrs', '0.0.0.0/0'],
  ['ipv6Cidrs', '::/0'],
]);

/**
 * The address range of a rule (security group or network ACL) that is the whole internet (`0.0.0.0/0` or
 * `::/0`): its attribute, 'unknown' when a range is not knowable, or undefined.
 */
export function internetSource(rule: Entity): Attr<unknown> | 'unknown' | undefined {
  let unknown = false;
  for (const [field, anywhere] of INTERNET) {
    const attr = rule[field] as Attr<unknown> | undefined;
    if (!attr || !isKnown(attr)) {
      unknown = true;
      continue;
    }
    const values = Array.isArray(attr.value) ? attr.value : [attr.value];
    if (values.includes(anywhere)) return attr;
    if (values.some((v) => v === undefined)) unknown = true;
  }
  return unknown ? 'unknown' : undefined;
}

function known<T>(rule: Entity, field: string): T | 'unknown' {
  const attr = rule[field] as Attr<T> | undefined;
  return attr && isKnown(attr) ? attr.value : 'unknown';
}

/** Whether a rule admits traffic to `port` over TCP (or every protocol). */
export function coversPort(rule: Entity, port: number): Tristate {
  const protocol = known<string>(rule, 'protocol');
  if (protocol === 'unknown') return 'unknown';
  if (protocol === 'all') return true;
  if (protocol !== 'tcp') return false;
  const from = known<number>(rule, 'fromPort');
  const to = known<number>(rule, 'toPort');
  if (from === 'unknown' || to === 'unknown') return 'unknown';
  return from <= port && port <= to;
}

/** Whether a rule admits every protocol, or every TCP or UDP port. */
export function coversAllPorts(rule: Entity): Tristate {
  const protocol = known<string>(rule, 'protocol');
  if (protocol === 'unknown') return 'unknown';
  if (protocol === 'all') return true;
  if (protocol !== 'tcp' && protocol !== 'udp') return false;
  const from = known<number>(rule, 'fromPort');
  const to = known<number>(rule, 'toPort');
  if (from === 'unknown' || to === 'unknown') return 'unknown';
  return from <= 1 && to >= 65535;
}
