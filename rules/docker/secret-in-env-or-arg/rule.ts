import { defineRule } from '../../../scanners/rules/api.js';
import { located } from '../instructions.js';

/** Names that hold a credential: the last word decides (DB_PASSWORD, but not PASSWORD_MIN_LENGTH). */
const CREDENTIAL_NAME =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRET_KEY|CLIENT_SECRET|TOKEN|AUTH_TOKEN|ACCESS_TOKEN|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS)$/i;

export default defineRule({
  id: 'PAL-DOCKER-006',
  title: 'Secret written into ENV or ARG',
  severity: 'high',
  severityRationale:
    'ENV values are stored in the image configuration and ARG values in its build history: anyone who pulls the image reads them.',
  category: 'iac',
  description:
    'An ENV or ARG named like a credential (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ACCESS_KEY, …) has a literal value in the Dockerfile. The value ends up in the image metadata (`docker inspect`, `docker history`) and in version control.',
  cwe: ['CWE-798', 'CWE-312'],
  benchmarks: [{ framework: 'CIS Docker Benchmark', version: '1.6.0', control: '4.10' }],
  remediation:
    'Pass build secrets with `RUN --mount=type=secret` and runtime secrets through the orchestrator; rotate the exposed credential.',
  tags: ['docker', 'secrets'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      for (const instruction of stage.instructions) {
        for (const variable of instruction.variables) {
          if (!CREDENTIAL_NAME.test(variable.name.replaceAll('-', '_'))) continue;
          const value = variable.value?.trim();
          // No default, an empty one, or a reference to another build argument holds no secret.
          if (!value || value.includes('$') || value.startsWith('/')) continue;
          report({
            resource: stage,
            attr: located(variable.valueRange, `${instruction.keyword.toLowerCase()}.${variable.name}`),
            secret: value,
            message: `${instruction.keyword} ${variable.name} holds a literal secret.`,
          });
        }
      }
    }
  },
});
