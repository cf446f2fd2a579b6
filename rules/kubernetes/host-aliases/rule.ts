import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-050',
  title: 'Pod overrides name resolution with hostAliases',
  severity: 'low',
  severityRationale:
    'Static host entries silently bypass DNS; mostly a reliability problem, sometimes a way to redirect traffic.',
  category: 'iac',
  description:
    "The pod spec sets `hostAliases`, which writes entries into the containers' `/etc/hosts`. Names then resolve to fixed addresses that bypass cluster DNS and its policies, and keep pointing there when the real service moves.",
  cwe: ['CWE-350'],
  remediation:
    'Remove `hostAliases`; publish the name in DNS, or use a Service of type ExternalName or a headless Service with Endpoints.',
  tags: ['kubernetes', 'network'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads',
  when: { attribute: 'hostAliases', equals: true },
  message: 'Workload {address} overrides name resolution with hostAliases.',
});
