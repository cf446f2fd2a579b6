import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-RDS-002',
  title: 'RDS instance is publicly accessible',
  severity: 'high',
  severityRationale:
    'The database gets a public DNS name and address; only its security group and password stand in the way.',
  category: 'iac',
  description:
    'The RDS DB instance is marked publicly accessible, so it resolves to a public IP address reachable from the internet.',
  cwe: ['CWE-668'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'RDS.2' }],
  remediation:
    'Set publicly_accessible = false (PubliclyAccessible: false) and reach the database from inside the VPC.',
  tags: ['aws', 'rds', 'network', 'public-access', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.rds.instances',
  when: { attribute: 'publiclyAccessible', equals: true },
  message: 'DB instance {address} is publicly accessible.',
});
