import { defineRule, isKnown } from '../../../scanners/rules/api.js';

/** `root`, `0`, `root:group`, `0:0`. */
const ROOT_USER = /^(root|0)(:.*)?$/;

export default defineRule({
  id: 'PAL-DOCKER-002',
  title: 'Image runs as root',
  severity: 'medium',
  severityRationale:
    'A root process makes every container escape and writable mount a root compromise; orchestrators can override the user, so not high.',
  category: 'iac',
  description:
    'The last stage of the Dockerfile (the image that is shipped) has no USER instruction, or its last USER is root or 0, so containers from the image run as root unless the runtime overrides the user. Stages built on an earlier stage inherit its USER; base images made to run as non-root (tags such as `nonroot`) and `scratch` are not reported.',
  cwe: ['CWE-250'],
  benchmarks: [{ framework: 'CIS Docker Benchmark', version: '1.6.0', control: '4.1' }],
  remediation:
    'Create an unprivileged user in the image and switch to it with `USER` before the final CMD or ENTRYPOINT.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      if (!stage.isFinal || !isKnown(stage.user) || !ROOT_USER.test(stage.user.value)) continue;
      report({
        resource: stage,
        attr: stage.user,
        message:
          stage.user.origin === 'default'
            ? `The final stage (${stage.name}) sets no USER, so the image runs as root.`
            : `The final stage (${stage.name}) switches to USER ${stage.user.value}.`,
      });
    }
  },
});
