import { identityPolicyDocuments } from '../../../../scanners/kinds/aws/iam.js';
import {
  appliesToAllResources,
  grantsAction,
  hasWildcard,
  policyStatements,
} from '../../../../scanners/kinds/aws/policy.js';
import { defineRule } from '../../../../scanners/rules/api.js';

/** Actions that let a principal raise its own (or another principal's) permissions. */
const ESCALATION_ACTIONS = [
  'iam:AttachUserPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachGroupPolicy',
  'iam:PutUserPolicy',
  'iam:PutRolePolicy',
  'iam:PutGroupPolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
];

export default defineRule({
  id: 'PAL-AWS-IAM-012',
  title: 'IAM policy allows actions that change permissions on every resource',
  severity: 'high',
  severityRationale:
    'The holder can grant itself any permission, so the policy is administrator access in disguise.',
  category: 'iac',
  description:
    'An Allow statement grants IAM actions that edit permissions or credentials (attach or put policies, create policy versions, update trust policies, create access keys or login profiles) on Resource "*".',
  cwe: ['CWE-269'],
  remediation:
    'Scope IAM write actions to the specific roles or users they manage, add a permissions boundary condition, or remove them.',
  tags: ['aws', 'iam', 'privilege-escalation', 'admin-privilege'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const { resource, document, holder } of identityPolicyDocuments(model)) {
      if (document?.origin !== 'explicit') continue;
      for (const statement of policyStatements(document.value) ?? []) {
        // Action "*" is PAL-AWS-IAM-001's finding; NotAction is PAL-AWS-IAM-004's.
        if (
          !statement.action ||
          hasWildcard(statement.action) !== false ||
          appliesToAllResources(statement) !== true
        )
          continue;
        const granted = ESCALATION_ACTIONS.filter((action) => grantsAction(statement, action) === true);
        if (!granted.length) continue;
        report({
          resource,
          attr: document,
          message: `A policy of ${holder.address} allows ${granted.length > 3 ? `${granted.slice(0, 3).join(', ')} and ${granted.length - 3} more` : granted.join(', ')} on every resource.`,
        });
        break;
      }
    }
  },
});
