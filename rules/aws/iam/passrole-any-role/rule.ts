import { identityPolicyDocuments } from '../../../../scanners/kinds/aws/iam.js';
import {
  appliesToAllResources,
  hasWildcard,
  listMatches,
  policyStatements,
} from '../../../../scanners/kinds/aws/policy.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-IAM-003',
  title: 'IAM policy allows iam:PassRole on every role',
  severity: 'high',
  severityRationale:
    'Passing any role to a service lets the holder run code with that role: a direct privilege escalation path.',
  category: 'iac',
  description:
    'An Allow statement grants iam:PassRole (directly or through a wildcard such as iam:* or iam:Pass*) on Resource "*", so the holder can hand any role, including administrator roles, to EC2, Lambda or other services.',
  cwe: ['CWE-269'],
  remediation:
    'Limit iam:PassRole to the ARNs of the roles the workload must pass, and add an iam:PassedToService condition.',
  tags: ['aws', 'iam', 'privilege-escalation', 'admin-privilege'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const { resource, document, holder } of identityPolicyDocuments(model)) {
      if (document?.origin !== 'explicit') continue;
      const passRole = policyStatements(document.value)?.find(
        (s) =>
          s.effect === 'Allow' &&
          s.action !== undefined &&
          // Action "*" is PAL-AWS-IAM-001's finding.
          hasWildcard(s.action) === false &&
          listMatches(s.action, 'iam:PassRole') === true &&
          appliesToAllResources(s) === true,
      );
      if (!passRole) continue;
      report({
        resource,
        attr: document,
        message: `A policy of ${holder.address} allows iam:PassRole on every role.`,
      });
    }
  },
});
