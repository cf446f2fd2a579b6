import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ECS-006',
  title: 'ECS cluster does not enable Container Insights',
  severity: 'low',
  severityRationale:
    'Missing task-level metrics slow down detection of abuse and failures; nothing is exposed.',
  category: 'iac',
  description:
    'The ECS cluster does not turn on the containerInsights setting, so task and container metrics are not collected.',
  cwe: ['CWE-778'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'ECS.12' }],
  remediation: 'Add the cluster setting containerInsights = enabled (or enhanced).',
  tags: ['aws', 'ecs', 'monitoring'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ecs.clusters',
  when: { attribute: 'containerInsights', equals: 'disabled' },
  message: 'ECS cluster {address} does not enable Container Insights.',
});
