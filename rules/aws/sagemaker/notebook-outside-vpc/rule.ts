import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SAGEMAKER-005',
  title: 'SageMaker notebook instance is not launched in a VPC',
  severity: 'medium',
  severityRationale:
    'Outside a VPC, no security group, endpoint policy or flow log applies to the notebook’s traffic.',
  category: 'iac',
  description:
    'A SageMaker notebook instance has no subnet, so it runs in a SageMaker-managed network with internet access and none of the VPC’s controls.',
  cwe: ['CWE-923'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'SageMaker.2',
    },
  ],
  remediation: 'Set subnet_id (SubnetId) to a private subnet and security_groups (SecurityGroupIds).',
  tags: ['aws', 'sagemaker', 'network'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.sagemaker.notebookInstances',
  when: {
    attribute: 'subnetId',
    exists: false,
  },
  message: 'SageMaker notebook {address} is not launched in a VPC.',
});
