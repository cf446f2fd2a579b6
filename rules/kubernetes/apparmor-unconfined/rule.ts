import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-016',
  title: 'Container runs with AppArmor unconfined',
  severity: 'medium',
  severityRationale:
    'Disabling AppArmor removes the mandatory access control that confines the container on AppArmor hosts.',
  category: 'iac',
  description:
    "The container's AppArmor profile is `Unconfined`, through `securityContext.appArmorProfile.type` (container or pod) or the older `container.apparmor.security.beta.kubernetes.io/<container>: unconfined` annotation.",
  cwe: ['CWE-693'],
  benchmarks: [{ framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/apparmor' }],
  remediation:
    'Remove the override so the runtime default profile applies, or set `appArmorProfile.type: RuntimeDefault`.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads[].containers',
  when: { attribute: 'securityContext.appArmorProfile', equals: 'Unconfined' },
  message: 'Container {address} runs with AppArmor unconfined.',
});
