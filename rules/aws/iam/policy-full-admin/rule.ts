import { identityPolicyDocuments } from '../../../../scanners/kinds/aws/iam.js';
import {
  appliesToAllResources,
  hasWildcard,
  policyStatements,
} from '../../../../scanners/kinds/aws/policy.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-IAM-001',
  title: 'IAM policy allows every action on every resource',
  severity: 'high',
  severityRationale:
    'Whoever holds the policy is a full administrator of the account, far beyond what a workload needs.',
  category: 'iac',
  description:
    'An identity policy has an Allow statement with Action "*" and Resource "*", which grants full administrative access to the account.',
  cwe: ['CWE-269'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '3.0.0', control: '1.16' },
    { framework: 'AWS Foundational Security Best Practices', control: 'IAM.1' },
  ],
  remediation:
    'List the actions and resources the holder needs; keep full access to a few break-glass roles.',
  tags: ['aws', 'iam', 'least-privilege', 'admin-privilege'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const { resource, document, holder } of identityPolicyDocuments(model)) {
      if (document?.origin !== 'explicit') continue;
      const admin = policyStatements(document.value)?.find(
        (s) => s.effect === 'Allow' && hasWildcard(s.action) === true && appliesToAllResources(s) === true,
      );
      if (!admin) continue;
      report({
        resource,
        attr: document,
        message: `Policy ${resource.address === holder.address ? holder.address : `${resource.address} of ${holder.address}`} allows "*" on "*".`,
      });
    }
  },
});
