import { defineRule } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-DOCKER-007',
  title: 'Image has no HEALTHCHECK',
  severity: 'low',
  severityRationale:
    'Without a health check a hung container looks healthy to Docker and Swarm; it is an availability concern.',
  category: 'iac',
  description:
    'The final stage (with the earlier stages it builds on) has no HEALTHCHECK instruction, so Docker cannot tell a running but broken container from a healthy one.',
  cwe: ['CWE-754'],
  benchmarks: [{ framework: 'CIS Docker Benchmark', version: '1.6.0', control: '4.6' }],
  remediation:
    'Add a HEALTHCHECK that probes the service (or `HEALTHCHECK NONE` to state that the orchestrator checks health instead).',
  tags: ['docker', 'reliability'],
  formats: ['dockerfile'],
  check({ model, report }) {
    const final = model.docker.stages.find((stage) => stage.isFinal);
    if (!final) return;
    for (let stage: typeof final | undefined = final; stage; stage = stage.parent) {
      if (stage.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK')) return;
    }
    report({ resource: final, message: `The final stage (${final.name}) declares no HEALTHCHECK.` });
  },
});
