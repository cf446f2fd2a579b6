import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SAGEMAKER-002',
  title: 'SageMaker notebook instance gives users root access',
  severity: 'low',
  severityRationale:
    'Root lets notebook users change the instance’s software and security settings; they already run code with its IAM role.',
  category: 'iac',
  description:
    'A SageMaker notebook instance keeps its default root access, so every notebook user can become root on the instance.',
  cwe: ['CWE-250'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'SageMaker.3',
    },
  ],
  remediation: 'Set root_access (RootAccess) to Disabled.',
  tags: ['aws', 'sagemaker', 'least-privilege'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.sagemaker.notebookInstances',
  when: {
    attribute: 'rootAccess',
    equals: true,
  },
  message: 'SageMaker notebook {address} gives users root access.',
});
