import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-028',
  title: 'Container image is not pinned to a digest',
  severity: 'low',
  severityRationale:
    'Version tags can be moved by whoever controls the repository; a digest cannot. Tags are usually moved by their owners only.',
  category: 'iac',
  description:
    'The container image names a version tag but no digest. Tags are mutable, so the image that runs can change without any change to the manifest. Untagged and `latest` images are reported by PAL-K8S-027 instead.',
  cwe: ['CWE-494'],
  remediation:
    'Add the digest of the reviewed image: `image: registry/app:1.4.2@sha256:…` (tools such as Renovate keep it current).',
  tags: ['kubernetes', 'supply-chain'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const { imageTag, imageDigest } = item.container;
      if (imageDigest.origin !== 'default' || imageTag.origin !== 'explicit') continue;
      if (imageTag.value === 'latest') continue;
      report({
        resource: item.container,
        attr: item.container.image,
        message: `${describeContainer(item)} uses ${item.container.image.value} without a digest.`,
      });
    }
  },
});
