import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-RUN-002',
  title: 'Cloud Run service accepts traffic from the internet',
  severity: 'low',
  severityRationale:
    'Internet ingress is often intended; for internal services it adds exposure for nothing.',
  category: 'iac',
  description:
    'The service ingress is INGRESS_TRAFFIC_ALL (the default), so it is reachable from the internet directly.',
  cwe: ['CWE-668'],
  remediation:
    'Set ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY", or INTERNAL_LOAD_BALANCER behind a load balancer with Cloud Armor.',
  tags: ['gcp', 'run', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.run.services',
  when: { attribute: 'ingress', equals: 'INGRESS_TRAFFIC_ALL' },
  message: 'Cloud Run service {address} accepts traffic from the internet.',
});
