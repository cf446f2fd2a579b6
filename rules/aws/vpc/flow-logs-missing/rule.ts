import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-VPC-008',
  title: 'VPC has no flow log',
  severity: 'medium',
  severityRationale:
    'Without flow logs there is no record of which hosts talked to which, during or after an incident.',
  category: 'iac',
  description: 'No flow log in the module or template captures the traffic of this VPC.',
  cwe: ['CWE-778'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.6' }],
  remediation:
    'Add a flow log for the VPC (aws_flow_log with vpc_id, AWS::EC2::FlowLog with ResourceType VPC).',
  tags: ['aws', 'vpc', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.vpc.vpcs',
  when: { attribute: 'flowLogs', equals: false },
  message: 'VPC {address} has no flow log.',
});
