import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-027',
  title: 'Container image uses the latest tag or no tag',
  severity: 'medium',
  severityRationale:
    'A mutable tag deploys whatever the registry serves at pull time: unreviewed changes and no reliable rollback.',
  category: 'iac',
  description:
    'The container image has no tag, or the `latest` tag, and no digest. Each node may pull a different image, and a compromised or broken push to the registry reaches the cluster on the next restart.',
  cwe: ['CWE-1357', 'CWE-494'],
  remediation:
    'Pin every image to a version tag, or better to a digest (`image: registry/app:1.4.2@sha256:…`).',
  tags: ['kubernetes', 'supply-chain'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const { imageTag, imageDigest } = item.container;
      if (imageTag.origin === 'unresolvable' || imageTag.value !== 'latest') continue;
      if (imageDigest.value !== undefined) continue;
      report({
        resource: item.container,
        attr: item.container.image,
        message: `${describeContainer(item)} uses the mutable image ${item.container.image.value}.`,
      });
    }
  },
});
