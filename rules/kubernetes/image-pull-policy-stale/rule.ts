import { defineRule, isKnown } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-029',
  title: 'Mutable image is not pulled on every start',
  severity: 'low',
  severityRationale:
    'Nodes keep running whatever copy of the tag they cached, so replicas drift apart and fixes do not roll out.',
  category: 'iac',
  description:
    'The image uses `latest` or no tag, and `imagePullPolicy` is `IfNotPresent` or `Never`. Each node then runs the copy it happened to cache, and on shared clusters a pod can start a cached private image without having the pull secret for it.',
  cwe: ['CWE-1357'],
  remediation:
    'Pin the image to a version or digest; if it must stay mutable, set `imagePullPolicy: Always`.',
  tags: ['kubernetes', 'supply-chain'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const { imagePullPolicy, imageTag, imageDigest } = item.container;
      if (imagePullPolicy.origin !== 'explicit' || !isKnown(imageTag) || imageTag.value !== 'latest')
        continue;
      if (imageDigest.value !== undefined || imagePullPolicy.value === 'Always') continue;
      report({
        resource: item.container,
        attr: imagePullPolicy,
        message: `${describeContainer(item)} uses ${item.container.image.value} with imagePullPolicy ${imagePullPolicy.value}.`,
      });
    }
  },
});
