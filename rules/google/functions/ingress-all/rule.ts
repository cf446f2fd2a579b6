import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-FUNCTIONS-002',
  title: 'Cloud Function accepts traffic from the internet',
  severity: 'low',
  severityRationale:
    'Internet ingress is often intended; combined with a public invoker grant it exposes the function.',
  category: 'iac',
  description:
    'ingress_settings is ALLOW_ALL (the default), so the function is reachable from the internet and not only from the VPC or a load balancer.',
  cwe: ['CWE-668'],
  remediation:
    'Set ingress_settings to ALLOW_INTERNAL_ONLY, or ALLOW_INTERNAL_AND_GCLB behind a load balancer with Cloud Armor.',
  tags: ['gcp', 'functions', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.functions.functions',
  when: { attribute: 'ingress', equals: 'ALLOW_ALL' },
  message: 'Function {address} accepts traffic from the internet.',
});
