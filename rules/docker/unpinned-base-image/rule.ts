import { defineRule, isKnown } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-DOCKER-001',
  title: 'Base image is not pinned to a version or digest',
  severity: 'medium',
  severityRationale:
    'An unpinned base image changes under the build without review, but needs a bad upstream image to hurt.',
  category: 'iac',
  description:
    'A FROM without a tag, or with the `latest` tag, pulls whatever the registry serves at build time, so builds are not reproducible and a compromised or broken upstream image flows straight in.',
  cwe: ['CWE-1357', 'CWE-494'],
  remediation: 'Pin the base image to a specific version tag, or better, to a digest (`image:tag@sha256:…`).',
  tags: ['docker', 'supply-chain'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      if (stage.baseIsLocal || !isKnown(stage.baseImage) || !isKnown(stage.baseTag)) continue;
      if (isKnown(stage.baseDigest)) continue;
      if (stage.baseTag.value !== 'latest') continue;
      report({
        resource: stage,
        attr: stage.baseTag,
        message:
          stage.baseTag.origin === 'default'
            ? `Base image ${stage.baseImage.value} has no tag, so it means :latest.`
            : `Base image ${stage.baseImage.value} uses the mutable :latest tag.`,
      });
    }
  },
});
