import { defineRule, isKnown } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

/** Names that hold a credential: the last word decides (DB_PASSWORD, but not PASSWORD_MIN_LENGTH). */
const CREDENTIAL_NAME =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRET_KEY|CLIENT_SECRET|TOKEN|AUTH_TOKEN|ACCESS_TOKEN|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS)$/i;

export default defineRule({
  id: 'PAL-K8S-045',
  title: 'Secret passed as a literal environment variable',
  severity: 'high',
  severityRationale:
    'The secret sits in clear text in the manifest, in version control and in every API read of the workload.',
  category: 'iac',
  description:
    'A container environment variable named like a credential (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ACCESS_KEY, …) carries a literal `value` instead of a `valueFrom.secretKeyRef`. The value is stored in the manifest, the repository and the workload object, readable by anyone who can read Deployments.',
  cwe: ['CWE-798', 'CWE-312'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.4.1' }],
  remediation:
    'Store the value in a Secret (or an external secret manager) and reference it with `valueFrom.secretKeyRef`, or better mount it as a file; rotate the exposed credential.',
  tags: ['kubernetes', 'secrets'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      for (const variable of item.container.env) {
        const name = variable.name;
        const value = variable.value;
        if (!isKnown(name) || !value || !isKnown(value)) continue;
        if (!CREDENTIAL_NAME.test(name.value.replaceAll('-', '_'))) continue;
        const literal = value.value.trim();
        // Empty values, references to other variables ($(VAR)) and file paths hold no secret.
        if (!literal || /^\$\(.+\)$/.test(literal) || literal.startsWith('/')) continue;
        report({
          resource: item.container,
          attr: value,
          key: name.value,
          secret: literal,
          message: `${describeContainer(item)} sets ${name.value} to a literal value.`,
        });
      }
    }
  },
});
