import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

const ADMINISTRATOR_ACCESS = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

function isAdministratorAccess(value: unknown): boolean {
  return typeof value === 'string' && ADMINISTRATOR_ACCESS.test(value);
}

export default defineRule({
  id: 'PAL-AWS-IAM-002',
  title: 'AdministratorAccess managed policy is attached',
  severity: 'high',
  severityRationale:
    'The user, role or group becomes a full administrator; a leak of its credentials is a leak of the account.',
  category: 'iac',
  description:
    'The AWS managed policy AdministratorAccess is attached to a user, role or group, granting every action on every resource.',
  cwe: ['CWE-269'],
  remediation:
    'Attach job-function or custom least-privilege policies instead; reserve AdministratorAccess for break-glass roles behind MFA.',
  tags: ['aws', 'iam', 'least-privilege', 'admin-privilege'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const collection of ['aws.iam.roles', 'aws.iam.users', 'aws.iam.groups']) {
      for (const holder of resources(model, collection)) {
        const arns = field<unknown[]>(holder, 'managedPolicyArns');
        if (arns.origin === 'explicit' && arns.value?.some(isAdministratorAccess))
          report({
            resource: holder,
            attr: arns,
            message: `${holder.address} has AdministratorAccess attached.`,
          });
      }
    }
    for (const attachment of resources(model, 'aws.iam.policyAttachments')) {
      const arn = field<string>(attachment, 'policyArn');
      if (arn.origin === 'explicit' && isAdministratorAccess(arn.value))
        report({
          resource: attachment,
          attr: arn,
          message: `${attachment.address} attaches AdministratorAccess.`,
        });
    }
  },
});
