import { identityPolicyDocuments } from '../../../../scanners/kinds/aws/iam.js';
import { policyStatements } from '../../../../scanners/kinds/aws/policy.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-IAM-004',
  title: 'IAM policy allows with NotAction',
  severity: 'medium',
  severityRationale:
    'Allow with NotAction grants everything not listed, including services and actions added later.',
  category: 'iac',
  description:
    'An identity policy statement combines Effect Allow with NotAction, granting every action except the listed ones; new AWS actions are granted automatically.',
  cwe: ['CWE-269'],
  remediation:
    'Rewrite the statement with Action listing what is allowed, or keep NotAction only in Deny statements.',
  tags: ['aws', 'iam', 'least-privilege', 'admin-privilege'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const { resource, document, holder } of identityPolicyDocuments(model)) {
      if (document?.origin !== 'explicit') continue;
      if (!policyStatements(document.value)?.some((s) => s.effect === 'Allow' && s.notAction !== undefined))
        continue;
      report({
        resource,
        attr: document,
        message: `A policy of ${holder.address} allows every action except a NotAction list.`,
      });
    }
  },
});
