import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-EKS-004',
  title: 'EKS node group allows SSH from anywhere',
  severity: 'high',
  severityRationale:
    'With an SSH key and no source security groups, EKS opens port 22 on the nodes to 0.0.0.0/0.',
  category: 'iac',
  description:
    'The managed node group configures remote access with an EC2 key pair but no source security groups, so EKS opens SSH on every node to the internet.',
  cwe: ['CWE-284'],
  remediation:
    'List source_security_group_ids (SourceSecurityGroups) for remote access, or drop the SSH key and use Session Manager.',
  tags: ['aws', 'eks', 'kubernetes', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const group of resources(model, 'aws.eks.nodeGroups')) {
      const sshKey = field<boolean>(group, 'remoteAccess.sshKey');
      const sources = field<unknown[]>(group, 'remoteAccess.sourceSecurityGroups');
      if (!isKnownValue(sshKey, true) || sources.origin === 'unresolvable') continue;
      if (Array.isArray(sources.value) && sources.value.length === 0)
        report({
          resource: group,
          attr: sshKey,
          message: `Node group ${group.address} opens SSH to 0.0.0.0/0.`,
        });
    }
  },
});
