import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SAGEMAKER-001',
  title: 'SageMaker notebook instance has direct internet access',
  severity: 'medium',
  severityRationale:
    'Code in the notebook can reach and be reached through the internet outside VPC controls, easing data exfiltration.',
  category: 'iac',
  description:
    'A SageMaker notebook instance keeps its default direct internet access, so traffic bypasses the VPC’s security groups, endpoints and network controls.',
  cwe: ['CWE-923'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'SageMaker.1',
    },
  ],
  remediation:
    'Launch the notebook in a private subnet with direct_internet_access (DirectInternetAccess) set to Disabled, and reach the internet through a NAT gateway or VPC endpoints.',
  tags: ['aws', 'sagemaker', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.sagemaker.notebookInstances',
  when: {
    attribute: 'directInternetAccess',
    equals: true,
  },
  message: 'SageMaker notebook {address} has direct internet access.',
});
